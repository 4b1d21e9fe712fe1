package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ChildApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;

/**
 * An import survives the application being killed in the middle (a real process, SIGKILL): after
 * the restart it resumes, and no row is done twice: one student, one login, one file process and
 * one audit line per row. Run on H2 ({@code CohortImportRestartTests}) and PostgreSQL ({@code
 * CohortImportRestartOnPostgresTests}).
 */
final class CohortImportRestart {

  /**
   * Opens the database the two runs shared (H2's lives in their data folder), to count what was
   * done.
   */
  interface Database {
    Connection open(Path dataDir) throws Exception;
  }

  private CohortImportRestart() {}

  private static final int ROWS = 600;

  /**
   * Uploads a cohort list to a first application started with {@code arguments}, kills it (SIGKILL)
   * once a fifth of the rows are done, starts a second on the same data folder and database, and
   * checks every row was done exactly once.
   */
  static void killHalfwayAndResume(Database database, String... arguments) throws Exception {
    Path dataDir = Files.createTempDirectory("parvandeh-restart-");
    CohortList list = CohortList.create().crlf();
    for (int i = 0; i < ROWS; i++) {
      list.row();
    }
    long id;
    long doneAtKill;
    String intakeLogs;
    try (ChildApplication first =
        ChildApplication.start(dataDir, "first.log", restartable(arguments))) {
      ApiClient api = ApiClient.signedIn(first.port(), "central.admission", "parvandeh");
      id = CohortList.upload(api, list.bytes()).json().path("id").asLong();
      doneAtKill = waitForSomeRows(api, id);
      first.kill();
      intakeLogs = intakeLines(first.log());
    }
    assertThat(doneAtKill).as("killed in the middle of the import").isBetween(ROWS / 5L, ROWS - 1L);

    JsonNode finished;
    try (ChildApplication second =
        ChildApplication.start(dataDir, "second.log", restartable(arguments))) {
      finished =
          CohortList.waitUntilDone(
              ApiClient.signedIn(second.port(), "central.admission", "parvandeh"), id);
      intakeLogs += intakeLines(second.log());
    }

    assertThat(finished.path("rows").findValuesAsText("outcome"))
        .as(
            "outcomes; rows not accepted: %s; the intake lines of both logs: %s",
            notAccepted(finished), intakeLogs)
        .containsOnly("ACCEPTED")
        .hasSize(ROWS);
    try (Connection db = database.open(dataDir)) {
      assertThat(
              ChildApplication.count(
                  db,
                  "select count(*) from cohort_row where import_id = "
                      + id
                      + " and outcome is null"))
          .isZero();
      String numbers = "(select student_number from cohort_row where import_id = " + id + ")";
      assertThat(
              ChildApplication.count(
                  db, "select count(*) from student where student_number in " + numbers))
          .isEqualTo(ROWS);
      assertThat(
              ChildApplication.count(
                  db, "select count(*) from act_id_user where id_ in " + numbers))
          .isEqualTo(ROWS);
      assertThat(
              ChildApplication.count(
                  db,
                  "select count(*) from act_ru_execution where parent_id_ is null and business_key_ in "
                      + numbers))
          .isEqualTo(ROWS);
      assertThat(
              ChildApplication.count(
                  db,
                  "select count(*) from audit_entry a join student s on s.id = a.student_id"
                      + " where a.action = 'FILE_CREATED' and s.student_number in "
                      + numbers))
          .isEqualTo(ROWS);
    }
    FileSystemUtils.deleteRecursively(dataDir);
  }

  /** The rows that did not end accepted, with their reasons, for a failure to show. */
  private static String notAccepted(JsonNode finished) {
    StringBuilder found = new StringBuilder();
    for (JsonNode row : finished.path("rows")) {
      if (!"ACCEPTED".equals(row.path("outcome").asText())) {
        found.append("\n  ").append(row);
      }
    }
    return found.toString();
  }

  /**
   * The log's lines that may say why a row failed: the intake's own ("Intake …" warnings and
   * errors) and any other error, the first 40.
   */
  private static String intakeLines(String log) {
    return log.lines()
        .filter(line -> line.contains("Intake ") || line.contains(" ERROR "))
        .limit(40)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  /** The demo install without jobs, with {@code arguments} and a quick takeover after the kill. */
  private static String[] restartable(String... arguments) {
    return ChildApplication.demoWithoutJobs(ChildApplication.withQuickTakeover(arguments));
  }

  /**
   * Waits until a fifth of the rows are done. Not sooner: H2 writes its file about once a second,
   * so a SIGKILL right after the upload could take the whole import with it (committed, but not yet
   * on disk), and there would be nothing to resume.
   */
  private static long waitForSomeRows(ApiClient api, long id) throws InterruptedException {
    while (true) {
      long done = api.get("/api/intake/cohorts/" + id + "?rows=false").json().path("done").asLong();
      if (done >= ROWS / 5) {
        return done;
      }
      Thread.sleep(50);
    }
  }
}
