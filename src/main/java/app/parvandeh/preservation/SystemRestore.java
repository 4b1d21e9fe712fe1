package app.parvandeh.preservation;

import app.parvandeh.document.ContentStore;
import app.parvandeh.document.StagedContent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link SystemBackup} onto a fresh install: {@code java -jar parvandeh.jar
 * --parvandeh.restore=<backup>} with the install's own configuration (profile, database, data
 * folder). The bag is verified first; the database must be empty (no H2 file yet, or a PostgreSQL
 * database without tables). The database is restored before the application's context touches it;
 * the application then starts once, without its job executor and listening on loopback only, stores
 * every blob through the document store (each checked against its address), checks that every
 * document row finds its blob, and exits. Start it normally afterwards. Storing a blob queues it
 * for the replica (see {@link SystemBackup} for why the backup holds one copy), so the replica is
 * rebuilt by the normal catch-up once the restored install runs; the fixity audit then finds both
 * copies whole.
 */
@Component
@ConditionalOnProperty("parvandeh.restore")
public class SystemRestore implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SystemRestore.class);
  static final String PROPERTY = "parvandeh.restore";

  private final ContentStore store;
  private final JdbcTemplate jdbc;
  private final Path backup;

  SystemRestore(
      ContentStore store,
      DataSource dataSource,
      @org.springframework.beans.factory.annotation.Value("${parvandeh.restore}") Path backup) {
    this.store = store;
    this.jdbc = new JdbcTemplate(dataSource);
    this.backup = backup;
  }

  /** True when the command line asks for a restore rather than a normal start. */
  public static boolean requested(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + PROPERTY + "="));
  }

  /** Restores the database as soon as the configuration is known, before any bean opens it. */
  public static void prepare(SpringApplication application) {
    application.addListeners(
        (ApplicationListener<ApplicationEnvironmentPreparedEvent>)
            event -> {
              try {
                restoreDatabase(event.getEnvironment());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void restoreDatabase(ConfigurableEnvironment environment) throws IOException {
    Path backup = Path.of(environment.getRequiredProperty(PROPERTY));
    Bags.verify(backup);
    DatabaseCopy database =
        new DatabaseCopy(
            environment.getRequiredProperty("spring.datasource.url"),
            environment.getProperty("spring.datasource.username", ""),
            environment.getProperty("spring.datasource.password", ""),
            environment.getProperty("parvandeh.backup.postgres-bin", ""));
    Path dump = backup.resolve(SystemBackup.DATABASE_FOLDER + database.fileName());
    if (!Files.isRegularFile(dump)) {
      throw new IOException(
          "The backup at "
              + backup
              + " holds no "
              + database.kind()
              + " database ("
              + dump.getFileName()
              + "); restore it onto the kind of database it was taken from");
    }
    if (!database.targetIsEmpty()) {
      throw new IOException(
          "Refusing to restore: the "
              + database.kind()
              + " database of this install is not "
              + "empty. A restore goes onto a fresh install (an empty data folder, or an empty PostgreSQL database)");
    }
    Path logs = Files.createTempDirectory("parvandeh-restore-");
    database.restore(dump, logs);
    Bags.deleteQuietly(logs);
    log.info("Database restored from {}", dump);
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "parvandeh-restore",
                Map.of(
                    "camunda.bpm.job-execution.enabled",
                    "false",
                    "server.port",
                    "0",
                    "server.address",
                    "127.0.0.1")));
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    int blobs = 0;
    try (BufferedReader manifest =
        Files.newBufferedReader(backup.resolve(Bags.PAYLOAD_MANIFEST), StandardCharsets.UTF_8)) {
      String line;
      while ((line = manifest.readLine()) != null) {
        String expected = line.substring(0, 64);
        String relative = line.substring(66);
        if (relative.startsWith(SystemBackup.DOCUMENTS_FOLDER)) {
          storeBlob(expected, backup.resolve(relative));
          blobs++;
        }
      }
    }
    List<String> missing =
        jdbc
            .queryForList("select distinct content_sha256 from document_version", String.class)
            .stream()
            .filter(sha256 -> !store.contains(sha256))
            .toList();
    if (!missing.isEmpty()) {
      throw new IOException(
          "The restored database names "
              + missing.size()
              + " blobs the backup lacks, e.g. "
              + missing.get(0));
    }
    log.info("Restore from {} complete: database and {} documents", backup, blobs);
  }

  private void storeBlob(String sha256, Path file) throws IOException {
    StagedContent staged;
    try (InputStream in = Files.newInputStream(file)) {
      staged = store.stage(in, Long.MAX_VALUE);
    }
    if (!staged.sha256().equals(sha256)) {
      store.discard(staged);
      throw new IOException("Fixity failure in the backup: " + file + " is not " + sha256);
    }
    store.commit(staged);
  }
}
