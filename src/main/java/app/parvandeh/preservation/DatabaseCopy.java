package app.parvandeh.preservation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A consistent copy of the whole database (ours and Camunda's tables) made with the database's own
 * tools while the application runs, and put back onto an empty database. Embedded H2: {@code BACKUP
 * TO} (an online, transactionally consistent copy of the database file) and H2's {@code Restore}
 * tool. PostgreSQL: {@code pg_dump --format=custom} (one snapshot for the whole dump) and {@code
 * pg_restore} in one transaction.
 */
final class DatabaseCopy {

  static final String H2_FILE = "parvandeh-h2.zip";
  static final String POSTGRES_FILE = "parvandeh.pgdump";

  private static final String H2_PREFIX = "jdbc:h2:file:";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

  private final String url;
  private final String user;
  private final String password;
  private final Path postgresBin;

  DatabaseCopy(String url, String user, String password, String postgresBin) {
    this.url = url;
    this.user = user;
    this.password = password == null ? "" : password;
    this.postgresBin = postgresBin == null || postgresBin.isBlank() ? null : Path.of(postgresBin);
  }

  private void checkSupported() throws IOException {
    if (!isH2() && !url.startsWith(POSTGRES_PREFIX)) {
      throw new IOException("Backup and restore know embedded H2 files and PostgreSQL, not " + url);
    }
  }

  String kind() {
    return isH2() ? "h2" : "postgresql";
  }

  /** Writes the copy into {@code folder} and returns its file. */
  Path dump(DataSource dataSource, Path folder) throws IOException {
    checkSupported();
    if (isH2()) {
      Path file = folder.resolve(H2_FILE).toAbsolutePath();
      try (Connection connection = dataSource.getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        throw new IOException("H2 BACKUP TO failed: " + e.getMessage(), e);
      }
      return file;
    }
    Path file = folder.resolve(POSTGRES_FILE).toAbsolutePath();
    run(
        List.of(
            tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file=" + file,
            "--dbname=" + libpqUri(),
            "--username=" + user),
        folder.resolve("pg_dump.log"));
    return file;
  }

  /** The file a backup of this kind of database holds, under its data/database/ folder. */
  String fileName() {
    return isH2() ? H2_FILE : POSTGRES_FILE;
  }

  /**
   * True when the target has no tables yet: a fresh install, which is the only place a restore
   * goes.
   */
  boolean targetIsEmpty() throws IOException {
    checkSupported();
    if (isH2()) {
      return !Files.exists(Path.of(h2Path() + ".mv.db"));
    }
    try (Connection connection = DriverManager.getConnection(url, user, password);
        ResultSet tables =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*) from information_schema.tables where table_schema = current_schema()")) {
      tables.next();
      return tables.getLong(1) == 0;
    } catch (SQLException e) {
      throw new IOException("Cannot look into " + url + ": " + e.getMessage(), e);
    }
  }

  void restore(Path file, Path logFolder) throws IOException {
    if (isH2()) {
      Path database = Path.of(h2Path()).toAbsolutePath();
      Files.createDirectories(database.getParent());
      org.h2.tools.Restore.execute(
          file.toString(), database.getParent().toString(), database.getFileName().toString());
      return;
    }
    run(
        List.of(
            tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname=" + libpqUri(),
            "--username=" + user,
            file.toString()),
        logFolder.resolve("pg_restore.log"));
  }

  private boolean isH2() {
    return url.startsWith(H2_PREFIX);
  }

  /** The database file's path without H2's {@code .mv.db} ending, as the URL names it. */
  private String h2Path() {
    String rest = url.substring(H2_PREFIX.length());
    int options = rest.indexOf(';');
    return options < 0 ? rest : rest.substring(0, options);
  }

  /**
   * {@code jdbc:postgresql://host:port/db?…} as libpq's URI; the password goes through PGPASSWORD,
   * not argv.
   */
  private String libpqUri() {
    URI jdbc = URI.create(url.substring("jdbc:".length()));
    String host = jdbc.getHost() == null ? "localhost" : jdbc.getHost();
    String port = jdbc.getPort() < 0 ? "" : ":" + jdbc.getPort();
    return "postgresql://" + host + port + jdbc.getPath();
  }

  private String tool(String name) {
    return postgresBin == null ? name : postgresBin.resolve(name).toString();
  }

  private void run(List<String> command, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PGPASSWORD", password);
    Process process = builder.start();
    try {
      if (!process.waitFor(6, TimeUnit.HOURS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within 6 hours");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(command.get(0) + " was interrupted", e);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": " + output);
    }
    Files.deleteIfExists(log);
  }
}
