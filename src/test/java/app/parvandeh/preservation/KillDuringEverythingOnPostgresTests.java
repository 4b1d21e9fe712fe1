package app.parvandeh.preservation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.util.FileSystemUtils;

/**
 * {@link KillDuringEverythingScenario} on PostgreSQL, when {@code PARVANDEH_DB_URL} names a database. The
 * application starts on an empty schema (rows other tests left point at blobs in their own stores); the database
 * is put back as this test found it afterwards (pg_dump and pg_restore).
 */
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class KillDuringEverythingOnPostgresTests extends KillDuringEverythingScenario {

  private final String url = System.getenv("PARVANDEH_DB_URL");
  private final String user = System.getenv().getOrDefault("PARVANDEH_DB_USER", "parvandeh");
  private final String password = System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
  private final DatabaseCopy copy = new DatabaseCopy(url, user, password, null);
  private Path found;

  @BeforeEach
  void keepTheDatabaseAsFound() throws Exception {
    found = Files.createTempDirectory("parvandeh-pg-as-found-");
    copy.dump(null, found);
    emptySchema();
  }

  @Override
  void afterScenario() throws Exception {
    emptySchema();
    copy.restore(found.resolve(DatabaseCopy.POSTGRES_FILE), found);
    FileSystemUtils.deleteRecursively(found);
  }

  @Override
  List<String> databaseArguments() {
    return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password);
  }

  @Override
  Connection database(Path dataDir) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private void emptySchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute("drop schema public cascade");
      sql.execute("create schema public");
    }
  }
}
