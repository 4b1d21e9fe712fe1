package app.parvandeh.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only an embedded H2 file that commits in the foreground is compacted, and compacting gives dead
 * space back.
 */
class EmbeddedDatabaseCompactionTests {

  @TempDir Path dir;

  @Test
  void aMostlyDeadFileWaitsWhileTheHeapHasLittleFreeAndIsCompactedWhenItHasRoom() throws Exception {
    JdbcDataSource dataSource = h2("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = mostlyDead(connection);
      int before = store.getFileStore().getChunksFillRate();
      long required = EmbeddedDatabaseCompaction.requiredHeadroom(Runtime.getRuntime().maxMemory());

      new EmbeddedDatabaseCompaction(dataSource, () -> required - 1).compact();
      assertThat(store.getFileStore().getChunksFillRate()).as("waits").isEqualTo(before);

      // the application's own measure: this JVM's heap has room
      new EmbeddedDatabaseCompaction(dataSource).compact();
      assertThat(store.getFileStore().getChunksFillRate()).as("then runs").isGreaterThan(before);
    }
  }

  @Test
  void theHeadroomARunWantsIsAThirdOfTheHeapAtMost64Megabytes() {
    assertThat(EmbeddedDatabaseCompaction.requiredHeadroom(128L << 20)).isEqualTo((128L << 20) / 3);
    assertThat(EmbeddedDatabaseCompaction.requiredHeadroom(1L << 30)).isEqualTo(64L << 20);
  }

  /** A table updated one commit at a time, which leaves most of the file's chunks dead. */
  private static MVStore mostlyDead(Connection connection) throws Exception {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("create table t(id int primary key, v varchar(200))");
      ddl.execute("insert into t select x, 'row ' || x from system_range(1, 2000)");
    }
    try (PreparedStatement update =
        connection.prepareStatement("update t set v = ? where id = ?")) {
      for (int i = 0; i < 3000; i++) {
        update.setString(1, "version " + i);
        update.setInt(2, 1 + i % 2000);
        update.executeUpdate();
      }
    }
    MVStore store = EmbeddedDatabaseCompaction.fileStoreWithoutBackgroundWriter(connection);
    assertThat(store).isNotNull();
    assertThat(store.getFileStore().getChunksFillRate())
        .as("one chunk per commit leaves most of the file dead")
        .isLessThan(EmbeddedDatabaseCompaction.MIN_CHUNKS_FILL_RATE);
    return store;
  }

  @Test
  void noOtherDatabaseIsTouched() throws Exception {
    try (Connection background = h2("jdbc:h2:file:" + dir.resolve("background")).getConnection();
        Connection memory = h2("jdbc:h2:mem:compaction;WRITE_DELAY=0").getConnection()) {
      assertThat(EmbeddedDatabaseCompaction.fileStoreWithoutBackgroundWriter(background)).isNull();
      assertThat(EmbeddedDatabaseCompaction.fileStoreWithoutBackgroundWriter(memory)).isNull();
    }
  }

  private static JdbcDataSource h2(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    return dataSource;
  }
}
