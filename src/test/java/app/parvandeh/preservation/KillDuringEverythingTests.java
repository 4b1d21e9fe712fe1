package app.parvandeh.preservation;

import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link KillDuringEverythingScenario} on the embedded H2 database in the data folder (the default
 * install).
 */
@ChildApplicationTest
class KillDuringEverythingTests extends KillDuringEverythingScenario {

  @Override
  List<String> databaseArguments() {
    return List.of();
  }

  @Override
  Connection database(Path dataDir) throws SQLException {
    return ChildApplication.h2(dataDir);
  }
}
