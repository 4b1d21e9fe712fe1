package app.parvandeh.preservation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL database {@code PARVANDEH_DB_URL} names, for tests that start the application on
 * an empty schema (rows other tests left point at blobs in their own stores) and may not create
 * databases: {@link #keep} dumps it as found and empties it, {@link #putBack} empties it and
 * restores the dump (pg_dump and pg_restore).
 */
final class PostgresAsFound {

  final String url = System.getenv("PARVANDEH_DB_URL");
  final String user = System.getenv().getOrDefault("PARVANDEH_DB_USER", "parvandeh");
  final String password = System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
  private final DatabaseCopy copy = new DatabaseCopy(url, user, password, null);
  private Path found;

  void keep() throws Exception {
    found = Files.createTempDirectory("parvandeh-pg-as-found-");
    copy.dump(null, found);
    empty();
  }

  void putBack() throws Exception {
    empty();
    copy.restore(found.resolve(DatabaseCopy.POSTGRES_FILE), found);
    FileSystemUtils.deleteRecursively(found);
  }

  List<String> arguments() {
    return List.of(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  void empty() throws SQLException {
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      sql.execute("drop schema public cascade");
      sql.execute("create schema public");
    }
  }
}
