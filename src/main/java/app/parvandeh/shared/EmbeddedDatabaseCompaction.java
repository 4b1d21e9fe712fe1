package app.parvandeh.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database writes each commit before answering ({@code WRITE_DELAY=0} in
 * application.yml), which switches off H2's background writer, and with it the housekeeping that
 * rewrites partly used chunks of the file: without this the file grew by about 0.4 MB per answered
 * write (docs/benchmarks.md). Every 30 seconds this compacts the file when most of it is dead.
 * Nothing happens on PostgreSQL or on an H2 database that writes in the background.
 *
 * <p>Compacting reads chunks of the file into the heap, and H2 closes the whole database when an
 * allocation inside its store fails: in a small heap that is busy (a large card batch in 128 MB did
 * it) the compaction could take the database down with it. So a run waits while less than {@link
 * #requiredHeadroom} of the heap is free; it is housekeeping, and the next quiet moment does it.
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
  private final LongSupplier heapHeadroom;

  @Autowired
  EmbeddedDatabaseCompaction(DataSource dataSource) {
    this(dataSource, EmbeddedDatabaseCompaction::heapHeadroom);
  }

  EmbeddedDatabaseCompaction(DataSource dataSource, LongSupplier heapHeadroom) {
    this.dataSource = dataSource;
    this.heapHeadroom = heapHeadroom;
  }

  /**
   * The heap a run wants free: a third of the maximum heap, at most 64 MB (garbage not yet
   * collected counts as taken, so this errs on the side of waiting).
   */
  static long requiredHeadroom(long maxHeap) {
    return Math.min(64L << 20, maxHeap / 3);
  }

  private static long heapHeadroom() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
  void compact() {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = fileStoreWithoutBackgroundWriter(connection);
      if (store == null || store.getFileStore().getChunksFillRate() >= MIN_CHUNKS_FILL_RATE) {
        return;
      }
      long headroom = heapHeadroom.getAsLong();
      if (headroom < requiredHeadroom(Runtime.getRuntime().maxMemory())) {
        log.debug("Compaction of the embedded database waits: {} bytes of heap free", headroom);
        return;
      }
      store.compactFile(MAX_COMPACT_MILLIS);
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
