package app.parvandeh.preservation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link KillDuringEverythingScenario} on PostgreSQL, when {@code PARVANDEH_DB_URL} names a
 * database: the application starts on an empty schema and the database is put back as this test
 * found it afterwards.
 */
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class KillDuringEverythingOnPostgresTests extends KillDuringEverythingScenario {

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
  Connection database(Path dataDir) throws SQLException {
    return database.connect();
  }
}
