package app.parvandeh.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The cohort import killed halfway (SIGKILL) and resumed, on PostgreSQL: both application processes
 * on one schema of their own, every row done exactly once (see {@link CohortImportRestart}).
 */
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class CohortImportRestartOnPostgresTests {

  private static final String URL = System.getenv("PARVANDEH_DB_URL");
  private static final String USER = System.getenv().getOrDefault("PARVANDEH_DB_USER", "parvandeh");
  private static final String PASSWORD = System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
  private static final String SCHEMA = "restart_" + Long.toString(System.nanoTime(), 36);

  @BeforeEach
  void aSchemaOfItsOwn() throws Exception {
    sql("create schema " + SCHEMA);
  }

  @AfterEach
  void dropTheSchema() throws Exception {
    sql("drop schema if exists " + SCHEMA + " cascade");
  }

  @Test
  void anImportKilledHalfwayResumesAfterTheRestartAndDoesEveryRowExactlyOnce() throws Exception {
    CohortImportRestart.killHalfwayAndResume(
        dataDir -> DriverManager.getConnection(inSchema(), USER, PASSWORD),
        "--spring.datasource.url=" + inSchema(),
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD,
        "--camunda.bpm.database.type=postgres",
        "--camunda.bpm.database.schema-name=" + SCHEMA,
        "--camunda.bpm.database.table-prefix=" + SCHEMA + ".");
  }

  private static String inSchema() {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }

  private static void sql(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
