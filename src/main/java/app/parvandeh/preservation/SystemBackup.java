package app.parvandeh.preservation;

import app.parvandeh.document.ContentStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Backs up the whole system while it runs: the database (ours and Camunda's tables) and every
 * document blob it refers to, as one BagIt bag verified before it gets its final name.
 *
 * <p>Why the two are consistent without stopping anything: the database copy is one snapshot (H2
 * {@code BACKUP TO}, or pg_dump's single transaction). Blobs are content-addressed and never
 * change, a blob is stored and synced before the row naming it commits, and no row is ever deleted
 * (a document deleted for correction keeps its bytes), so the sweeper only removes blobs no row
 * names. The addresses read right after the snapshot therefore include every address the snapshot
 * holds, each of those blobs exists, and copying them afterwards yields exactly the bytes the
 * snapshot meant. Addresses of uploads committed after the snapshot are copied too; after a restore
 * no row names them and the sweeper removes them.
 *
 * <p>Each blob is in the backup once, not once per store: it is read through the store, which
 * verifies it and serves the good copy (the primary, or the replica when the primary is damaged),
 * and checked against its address again here. Both stores hold the same bytes for an address by
 * construction, so a second copy would add size and no information; {@link SystemRestore} rebuilds
 * the replica from the restored blobs through the replica's backlog.
 */
@Service
public class SystemBackup {

  private static final Logger log = LoggerFactory.getLogger(SystemBackup.class);
  static final String DATABASE_FOLDER = "data/database/";
  static final String DOCUMENTS_FOLDER = "data/documents/";
  static final String PARTIAL = ".partial";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final ContentStore store;
  private final DatabaseCopy database;
  private final Clock clock;
  private final Path backupRoot;
  private final String sourceOrganization;

  SystemBackup(
      DataSource dataSource,
      ContentStore store,
      Clock clock,
      @Value("${spring.datasource.url}") String url,
      @Value("${spring.datasource.username:}") String user,
      @Value("${spring.datasource.password:}") String password,
      @Value("${parvandeh.backup.postgres-bin:}") String postgresBin,
      @Value("${parvandeh.backup.dir}") Path backupRoot,
      @Value(
              "${parvandeh.preservation.source-organization:اداره آموزش دانشگاه (پرونده الکترونیکی دانشجو)}")
          String sourceOrganization) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.store = store;
    this.clock = clock;
    this.database = new DatabaseCopy(url, user, password, postgresBin);
    this.backupRoot = backupRoot;
    this.sourceOrganization = sourceOrganization;
  }

  /** Writes and verifies a backup under the backup folder; returns its folder. */
  Path backup(PreservationJobs.Job job) throws IOException {
    Instant started = Instant.now(clock);
    String name = "parvandeh-backup-" + STAMP.format(started);
    Path partial = Files.createDirectories(backupRoot).resolve(name + PARTIAL);
    Path folder = partial.resolveSibling(name);
    if (Files.exists(folder) || Files.exists(partial)) {
      throw new IOException("A backup named " + name + " exists already");
    }
    try {
      write(partial, started, job);
    } catch (IOException | RuntimeException e) {
      Bags.deleteQuietly(partial);
      throw e;
    }
    Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
    log.info("Backup {} written and verified", folder);
    return folder;
  }

  private void write(Path partial, Instant started, PreservationJobs.Job job) throws IOException {
    Path databaseFolder = Files.createDirectories(partial.resolve(DATABASE_FOLDER));
    Path dump = database.dump(dataSource, databaseFolder);
    // Read after the snapshot: a superset of the addresses it holds (see the class comment).
    List<String> addresses =
        jdbc.queryForList(
            "select distinct content_sha256 from document_version order by content_sha256",
            String.class);
    job.total(addresses.size());
    long payloadBytes = Files.size(dump);
    try (BufferedWriter manifest =
        Files.newBufferedWriter(partial.resolve(Bags.PAYLOAD_MANIFEST), StandardCharsets.UTF_8)) {
      manifest.write(Bags.sha256Of(dump) + "  " + DATABASE_FOLDER + dump.getFileName() + "\n");
      for (String sha256 : addresses) {
        String relative = DOCUMENTS_FOLDER + blobPath(sha256);
        payloadBytes += copyBlob(sha256, partial.resolve(relative));
        manifest.write(sha256 + "  " + relative + "\n");
        job.progressed(Files.size(partial.resolve(relative)));
      }
    }
    Files.writeString(
        partial.resolve("bagit.txt"),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        partial.resolve("bag-info.txt"),
        String.join(
                "\n",
                "Source-Organization: " + sourceOrganization,
                "Bagging-Date: " + started.atOffset(ZoneOffset.UTC).toLocalDate(),
                "Payload-Oxum: " + payloadBytes + "." + (addresses.size() + 1),
                "External-Description: Parvandeh system backup (database and document store)",
                "Parvandeh-Backup-Started-At: " + started,
                "Parvandeh-Database: " + database.kind(),
                "Parvandeh-Database-File: " + DATABASE_FOLDER + dump.getFileName(),
                "Parvandeh-Documents: " + addresses.size(),
                "Parvandeh-Started-By: " + job.startedBy())
            + "\n",
        StandardCharsets.UTF_8);
    Bags.verify(partial);
    log.info("Backup verified: {} documents, {} bytes", addresses.size(), payloadBytes);
  }

  /** {@code ab/cd/abcd…}: no folder of a large archive holds more than a few hundred files. */
  static String blobPath(String sha256) {
    return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  /** Copies one blob as a stream and checks its bytes against its address; returns its size. */
  private long copyBlob(String sha256, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream stored = store.open(sha256)) {
      String actual = Bags.copyHashing(stored, target);
      if (!actual.equals(sha256)) {
        throw new IOException(
            "Fixity failure: blob "
                + sha256
                + " reads back as "
                + actual
                + "; the backup is not finished");
      }
      return Files.size(target);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(
          "A document row names blob " + sha256 + ", which is not in the store", e);
    }
  }

  /** The backup as a background job (see {@link PreservationJobs}). */
  public PreservationJobs.Job start(PreservationJobs jobs, String actor) {
    return jobs.start(PreservationJobs.Kind.BACKUP, actor, "system", this::backup);
  }
}
