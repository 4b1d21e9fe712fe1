package app.parvandeh.preservation;

import app.parvandeh.support.ChildApplicationTest;
import java.util.List;

/**
 * The backup and restore round trip on the embedded H2 database (each install its own data folder).
 */
@ChildApplicationTest
class BackupRestoreTests extends BackupRestoreScenario {

  @Override
  List<String> databaseArguments() {
    return List.of();
  }

  @Override
  void emptyTheDatabase() {
    // the restore goes into a new, empty data folder
  }
}
