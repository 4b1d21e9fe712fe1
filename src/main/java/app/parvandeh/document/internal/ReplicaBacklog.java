package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Blobs committed to the primary that the replica does not hold yet, as rows: written in the same
 * transaction as the upload's metadata, so an acknowledged upload always has its row, and a restart
 * loses nothing. A row leaves only when the replica holds the exact bytes; failures stay, with a
 * growing wait before the next try.
 */
class ReplicaBacklog {

  record Item(long id, String sha256, int attempts) {}

  private final JdbcTemplate jdbc;

  ReplicaBacklog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Duplicates are harmless (the second finds the replica done), so no unique key can fail an
   * upload.
   */
  void enqueue(String sha256, Instant now) {
    jdbc.update(
        "insert into replica_backlog (sha256, enqueued_at, attempts, next_attempt_at) values (?, ?, 0, ?)",
        sha256,
        Timestamp.from(now),
        Timestamp.from(now));
  }

  List<Item> due(Instant now, int limit) {
    return jdbc.query(
        "select id, sha256, attempts from replica_backlog where next_attempt_at <= ? order by id"
            + " fetch first "
            + limit
            + " rows only",
        (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getInt(3)),
        Timestamp.from(now));
  }

  void done(long id) {
    jdbc.update("delete from replica_backlog where id = ?", id);
  }

  void retryLater(Item item, String error, Instant next) {
    jdbc.update(
        "update replica_backlog set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?",
        item.attempts() + 1,
        error.length() > 500 ? error.substring(0, 500) : error,
        Timestamp.from(next),
        item.id());
  }

  /** The blob is gone for good (swept as unreferenced): nothing left to copy. */
  void forget(String sha256) {
    jdbc.update("delete from replica_backlog where sha256 = ?", sha256);
  }

  boolean contains(String sha256) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select count(*) > 0 from replica_backlog where sha256 = ?", Boolean.class, sha256));
  }

  ContentCopies.BacklogStatus status(boolean enabled) {
    return jdbc.queryForObject(
        "select count(*), min(enqueued_at) from replica_backlog",
        (rs, i) -> {
          Timestamp oldest = rs.getTimestamp(2);
          return new ContentCopies.BacklogStatus(
              enabled, rs.getLong(1), oldest == null ? null : oldest.toInstant());
        });
  }
}
