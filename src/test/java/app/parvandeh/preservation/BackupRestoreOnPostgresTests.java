package app.parvandeh.preservation;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The backup and restore round trip on PostgreSQL (pg_dump and pg_restore), when {@code
 * PARVANDEH_DB_URL} names a database. The test may not create databases, so the source and the
 * restore target are the same database emptied (its schema dropped and created again); the database
 * is put back as this test found it afterwards, with the same tools. The source instance starts on
 * an empty schema too (see {@link PostgresAsFound}).
 */
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class BackupRestoreOnPostgresTests extends BackupRestoreScenario {

  private final PostgresAsFound database = new PostgresAsFound();

  @BeforeEach
  void keepTheDatabaseAsFound() throws Exception {
    database.keep();
  }

  @Override
  void afterScenario() throws Exception {
    database.putBack();
  }

  @Override
  List<String> databaseArguments() {
    return database.arguments();
  }

  @Override
  void emptyTheDatabase() throws Exception {
    database.empty();
  }
}
