package app.parvandeh.preservation;

import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.StoredVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every copy found changed, missing or untracked, by the audit or by a read: a row in {@code
 * fixity_finding} (in its own transaction, so a read's rollback cannot lose it), a count on {@code
 * parvandeh_fixity_findings_total} and, for a repair, on {@code parvandeh_fixity_repairs_total}.
 */
@Component
public class FixityFindings {

  public enum Source {
    AUDIT,
    READ
  }

  /** Changed or missing against the recorded SHA-256; untracked: a blob no version points at. */
  public enum Kind {
    CHANGED("تغییر کرده"),
    MISSING("گم شده"),
    UNTRACKED("بی‌صاحب (بدون ردیف)");

    private final String labelFa;

    Kind(String labelFa) {
      this.labelFa = labelFa;
    }

    /** What the pages call it (GET /api/labels). */
    public String labelFa() {
      return labelFa;
    }
  }

  public record Finding(
      long id,
      Long runId,
      Instant foundAt,
      Source source,
      Kind kind,
      Copy copy,
      String sha256,
      Long studentId,
      String studentNumber,
      Long documentId,
      Long versionId,
      boolean repaired) {}

  private static final RowMapper<Finding> ROW =
      (rs, i) ->
          new Finding(
              rs.getLong("id"),
              rs.getObject("run_id", Long.class),
              rs.getTimestamp("found_at").toInstant(),
              Source.valueOf(rs.getString("source")),
              Kind.valueOf(rs.getString("kind")),
              Copy.valueOf(rs.getString("copy_name")),
              rs.getString("sha256"),
              rs.getObject("student_id", Long.class),
              rs.getString("student_number"),
              rs.getObject("document_id", Long.class),
              rs.getObject("version_id", Long.class),
              rs.getBoolean("repaired"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final MeterRegistry metrics;
  private final Clock clock;

  FixityFindings(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      MeterRegistry metrics,
      Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.metrics = metrics;
    this.clock = clock;
  }

  /** {@code version} and {@code studentNumber} are null for an untracked blob. */
  void record(
      Source source,
      Long runId,
      Kind kind,
      Copy copy,
      String sha256,
      StoredVersion version,
      String studentNumber,
      boolean repaired) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                "insert into fixity_finding (run_id, found_at, source,"
                    + " kind, copy_name, sha256, student_id, student_number, document_id, version_id, repaired)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId,
                Timestamp.from(Instant.now(clock)),
                source.name(),
                kind.name(),
                copy.name(),
                sha256,
                version == null ? null : version.studentId(),
                studentNumber,
                version == null ? null : version.documentId(),
                version == null ? null : version.versionId(),
                repaired));
    Counter.builder("parvandeh.fixity.findings")
        .description("Copies of stored blobs found changed, missing or untracked")
        .tags(
            "source",
            source.name(),
            "kind",
            kind.name(),
            "copy",
            copy.name(),
            "repaired",
            String.valueOf(repaired))
        .register(metrics)
        .increment();
    if (repaired) {
      Counter.builder("parvandeh.fixity.repairs")
          .description("Copies of stored blobs rewritten from their other, verified copy")
          .tags("source", source.name(), "copy", copy.name())
          .register(metrics)
          .increment();
    }
  }

  public List<Finding> ofRun(long runId) {
    return jdbc.query("select * from fixity_finding where run_id = ? order by id", ROW, runId);
  }

  /** The latest findings made by reads (downloads, previews, exports), newest first. */
  public List<Finding> recentReads(int limit) {
    return jdbc.query(
        "select * from fixity_finding where source = 'READ' order by id desc fetch first "
            + limit
            + " rows only",
        ROW);
  }

  /** Findings about one blob, newest first (tests and support look a blob up by its address). */
  public List<Finding> ofContent(String sha256) {
    return jdbc.query(
        "select * from fixity_finding where sha256 = ? order by id desc", ROW, sha256);
  }
}
