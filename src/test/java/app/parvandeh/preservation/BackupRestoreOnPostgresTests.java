package app.parvandeh.preservation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The backup and restore round trip on PostgreSQL (pg_dump and pg_restore), when {@code PARVANDEH_DB_URL} names a
 * database. The test may not create databases, so the source and the restore target are the same database emptied
 * (its schema dropped and created again); the database is put back as this test found it afterwards, with the same
 * tools.
 */
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class BackupRestoreOnPostgresTests extends BackupRestoreScenario {

  private final String url = System.getenv("PARVANDEH_DB_URL");
  private final String user = System.getenv().getOrDefault("PARVANDEH_DB_USER", "parvandeh");
  private final String password = System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
  private final DatabaseCopy database = new DatabaseCopy(url, user, password, null);
  private Path found;

  @BeforeEach
  void keepTheDatabaseAsFound() throws Exception {
    found = Files.createTempDirectory("parvandeh-pg-as-found-");
    database.dump(null, found);
    // The source instance starts on an empty schema too: rows other PostgreSQL tests left point at blobs in their
    // own (temporary) stores, which this instance does not have.
    emptyTheDatabase();
  }

  @Override
  void afterScenario() throws Exception {
    emptyTheDatabase();
    database.restore(found.resolve(DatabaseCopy.POSTGRES_FILE), found);
    org.springframework.util.FileSystemUtils.deleteRecursively(found);
  }

  @Override
  List<String> databaseArguments() {
    return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password);
  }

  @Override
  void emptyTheDatabase() throws Exception {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute("drop schema public cascade");
      sql.execute("create schema public");
    }
  }
}
