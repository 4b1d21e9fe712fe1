package app.parvandeh.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database writes each commit before answering ({@code WRITE_DELAY=0} in
 * application.yml), which switches off H2's background writer, and with it the housekeeping that
 * rewrites partly used chunks of the file: without this the file grew by about 0.4 MB per answered
 * write (docs/benchmarks.md). Every 30 seconds this compacts the file when most of it is dead.
 * Nothing happens on PostgreSQL or on an H2 database that writes in the background.
 */
@Component
class EmbeddedDatabaseCompaction {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

  /** Compact once less than half of what the file's chunks hold is live. */
  static final int MIN_CHUNKS_FILL_RATE = 50;

  /**
   * H2's own limit when it compacts at close; a run blocks commits for about this long (measured:
   * up to 1 s).
   */
  static final int MAX_COMPACT_MILLIS = 200;

  private final DataSource dataSource;

  EmbeddedDatabaseCompaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
  void compact() {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = fileStoreWithoutBackgroundWriter(connection);
      if (store != null && store.getFileStore().getChunksFillRate() < MIN_CHUNKS_FILL_RATE) {
        store.compactFile(MAX_COMPACT_MILLIS);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("Compaction of the embedded database failed", e);
    }
  }

  /**
   * H2's store behind the connection when it is an embedded file database committing in the
   * foreground.
   */
  static MVStore fileStoreWithoutBackgroundWriter(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
        || session.getDatabase().getStore() == null) {
      return null;
    }
    MVStore store = session.getDatabase().getStore().getMvStore();
    return store.getFileStore() != null && !store.isReadOnly() && store.getAutoCommitDelay() == 0
        ? store
        : null;
  }
}
