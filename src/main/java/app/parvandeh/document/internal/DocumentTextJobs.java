package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentTextIndex.Failure;
import app.parvandeh.document.DocumentTextIndex.Progress;
import app.parvandeh.shared.PersianText;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The text extraction jobs, one row per document version (table document_text_job). A version is
 * queued by {@link #discover} from the version table itself, so every committed upload has its job
 * without the upload doing anything; a node {@link #claim claims} a job with one conditional
 * update, so with several nodes only one extracts a version; a claim is a lease, so a node that
 * dies mid-extraction leaves the job to another.
 */
@Component
class DocumentTextJobs {

  static final String PENDING = "PENDING";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";

  record Job(long versionId, String sha256, String mediaType, int attempts) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  DocumentTextJobs(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Queues versions that have no job yet, newest first (a new upload comes before the backfill of
   * old ones). Another node queueing the same versions at the same moment makes this insert fail on
   * the key: nothing is lost, the other node's rows stand.
   */
  int discover(Instant now, int limit) {
    try {
      return jdbc.update(
          "insert into document_text_job (version_id, state, attempts, enqueued_at, next_attempt_at)"
              + " select v.id, '"
              + PENDING
              + "', 0, ?, ? from document_version v where not exists"
              + " (select 1 from document_text_job j where j.version_id = v.id) order by v.id desc"
              + " fetch first "
              + limit
              + " rows only",
          ts(now),
          ts(now));
    } catch (DataIntegrityViolationException raced) {
      return 0;
    }
  }

  /** Re-queues one version (its new text replaces the old when done). */
  void requeue(long versionId, Instant now) {
    if (jdbc.update(
            "update document_text_job set state = ?, attempts = 0, next_attempt_at = ?, claimed_by = null,"
                + " claimed_until = null, last_error = null where version_id = ?",
            PENDING,
            ts(now),
            versionId)
        == 0) {
      try {
        jdbc.update(
            "insert into document_text_job (version_id, state, attempts, enqueued_at, next_attempt_at)"
                + " values (?, ?, 0, ?, ?)",
            versionId,
            PENDING,
            ts(now),
            ts(now));
      } catch (DataIntegrityViolationException raced) {
        // queued by another node meanwhile
      }
    }
  }

  /** Due jobs, newest version first; {@code only} restricts them to some versions (null: any). */
  List<Long> due(Instant now, int limit, List<Long> only) {
    String restriction =
        only == null
            ? ""
            : only.isEmpty()
                ? " and 1 = 0"
                : " and version_id in ("
                    + String.join(",", only.stream().map(String::valueOf).toList())
                    + ")";
    return jdbc.queryForList(
        "select version_id from document_text_job where state = ? and next_attempt_at <= ?"
            + " and (claimed_until is null or claimed_until < ?)"
            + restriction
            + " order by version_id desc"
            + " fetch first "
            + limit
            + " rows only",
        Long.class,
        PENDING,
        ts(now),
        ts(now));
  }

  /**
   * Takes the job for {@code node} until {@code now + lease}, or null if another node has it (or it
   * is done).
   */
  Job claim(long versionId, String node, Instant now, Duration lease) {
    int claimed =
        jdbc.update(
            "update document_text_job set claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
                + " where version_id = ? and state = ? and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)",
            node,
            ts(now.plus(lease)),
            versionId,
            PENDING,
            ts(now),
            ts(now));
    if (claimed == 0) {
      return null;
    }
    return jdbc.queryForObject(
        "select j.version_id, v.content_sha256, v.media_type, j.attempts from document_text_job j"
            + " join document_version v on v.id = j.version_id where j.version_id = ?",
        (rs, i) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
        versionId);
  }

  /**
   * Stores the pages and marks the job done in one transaction, if {@code node} still holds the
   * claim; false when the lease ran out and another node took the job (its text will be stored by
   * that node).
   */
  boolean complete(Job job, String node, TextExtractor.Extraction extraction, Instant now) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              int marked =
                  jdbc.update(
                      "update document_text_job set state = ?, method = ?, pages = ?, finished_at = ?,"
                          + " claimed_by = null, claimed_until = null, last_error = null where version_id = ? and claimed_by = ?"
                          + " and state = ?",
                      DONE,
                      extraction.method().name(),
                      extraction.pages().size(),
                      ts(now),
                      job.versionId(),
                      node,
                      PENDING);
              if (marked == 0) {
                return false;
              }
              jdbc.update("delete from document_page_text where version_id = ?", job.versionId());
              List<String> pages = extraction.pages();
              jdbc.batchUpdate(
                  "insert into document_page_text (version_id, page_no, text, folded) values (?, ?, ?, ?)",
                  java.util.stream.IntStream.range(0, pages.size())
                      .filter(i -> !pages.get(i).isBlank())
                      .mapToObj(
                          i ->
                              new Object[] {
                                job.versionId(), i + 1, pages.get(i), fold(pages.get(i))
                              })
                      .toList());
              return true;
            }));
  }

  /**
   * The page as the search compares it: folded like the typed words (folding never lengthens a
   * text).
   */
  static String fold(String page) {
    return PersianText.compact(page);
  }

  /**
   * A failed attempt: retried after a growing wait, or failed for good after {@code maxAttempts}.
   */
  boolean failed(Job job, String node, String error, Instant now, int maxAttempts) {
    boolean last = job.attempts() >= maxAttempts;
    String message =
        error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
    Instant next = now.plus(Duration.ofMinutes(1L << Math.min(job.attempts(), 10)));
    jdbc.update(
        "update document_text_job set state = ?, last_error = ?, next_attempt_at = ?, finished_at = ?,"
            + " claimed_by = null, claimed_until = null where version_id = ? and claimed_by = ?",
        last ? FAILED : PENDING,
        message,
        ts(next),
        last ? ts(now) : null,
        job.versionId(),
        node);
    return last;
  }

  /**
   * Whole microseconds, as both databases store them: a rounded-up stored time would not be due at
   * its own now.
   */
  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
  }

  String state(long versionId) {
    List<String> states =
        jdbc.queryForList(
            "select state from document_text_job where version_id = ?", String.class, versionId);
    return states.isEmpty() ? null : states.get(0);
  }

  Progress progress() {
    return jdbc.queryForObject(
        "select (select count(*) from document_version),"
            + " (select count(*) from document_text_job where state = 'DONE'),"
            + " (select count(*) from document_text_job where state = 'PENDING'),"
            + " (select count(*) from document_text_job where state = 'FAILED'),"
            + " (select count(*) from document_version v where not exists"
            + "   (select 1 from document_text_job j where j.version_id = v.id)),"
            + " (select min(enqueued_at) from document_text_job where state = 'PENDING')",
        (rs, i) -> {
          Timestamp oldest = rs.getTimestamp(6);
          return new Progress(
              rs.getLong(1),
              rs.getLong(2),
              rs.getLong(3),
              rs.getLong(4),
              rs.getLong(5),
              oldest == null ? null : oldest.toInstant());
        });
  }

  List<Failure> failures(int limit) {
    return jdbc.query(
        "select j.version_id, v.document_id, j.attempts, j.last_error, j.finished_at"
            + " from document_text_job j join document_version v on v.id = j.version_id where j.state = ?"
            + " order by j.finished_at desc fetch first "
            + limit
            + " rows only",
        (rs, i) ->
            new Failure(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant()),
        FAILED);
  }

  long documentOf(long versionId) {
    return jdbc.queryForObject(
        "select document_id from document_version where id = ?", Long.class, versionId);
  }

  List<Long> failedVersions() {
    return jdbc.queryForList(
        "select version_id from document_text_job where state = ?", Long.class, FAILED);
  }
}
