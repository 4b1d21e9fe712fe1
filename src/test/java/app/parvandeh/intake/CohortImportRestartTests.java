package app.parvandeh.intake;

import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import org.junit.jupiter.api.Test;

/**
 * The cohort import killed halfway and resumed, on the embedded H2 database (see {@link
 * CohortImportRestart}).
 */
@ChildApplicationTest
class CohortImportRestartTests {

  @Test
  void anImportKilledHalfwayResumesAfterTheRestartAndDoesEveryRowExactlyOnce() throws Exception {
    CohortImportRestart.killHalfwayAndResume(ChildApplication::h2);
  }
}
