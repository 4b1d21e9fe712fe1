package app.parvandeh.preservation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The audit's runs ({@code fixity_audit_run}): who started which scope when, how far it got, what
 * it found.
 */
@Component
public class FixityRuns {

  public enum Status {
    RUNNING("در حال اجرا"),
    DONE("پایان یافته"),
    FAILED("ناتمام");

    private final String labelFa;

    Status(String labelFa) {
      this.labelFa = labelFa;
    }

    /** What the pages call it (GET /api/labels). */
    public String labelFa() {
      return labelFa;
    }
  }

  /**
   * {@code studentNumber} null: the whole archive. {@code restartedFrom}: the run a stop
   * interrupted, which this one does again. {@code error} and {@code errorFa} say why a failed run
   * failed.
   */
  public record Run(
      long id,
      String studentNumber,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      Status status,
      int blobsChecked,
      long bytesRead,
      int findings,
      int repairs,
      String error,
      String errorFa,
      Long restartedFrom) {}

  static final String INTERRUPTED =
      "interrupted: the application stopped (or its server went down) during the run;"
          + " the audit is started again";
  static final String INTERRUPTED_FA =
      "این پایش با توقف برنامه (یا از کار افتادن سرور آن) نیمه‌تمام ماند و"
          + " دوباره از آغاز اجرا می‌شود.";

  private static final RowMapper<Run> ROW =
      (rs, i) -> {
        Timestamp finished = rs.getTimestamp("finished_at");
        Long restartedFrom = rs.getObject("restarted_from", Long.class);
        return new Run(
            rs.getLong("id"),
            rs.getString("student_number"),
            rs.getString("started_by"),
            rs.getTimestamp("started_at").toInstant(),
            finished == null ? null : finished.toInstant(),
            Status.valueOf(rs.getString("status")),
            rs.getInt("blobs_checked"),
            rs.getLong("bytes_read"),
            rs.getInt("findings"),
            rs.getInt("repairs"),
            rs.getString("error"),
            rs.getString("error_fa"),
            restartedFrom);
      };

  private final JdbcTemplate jdbc;

  FixityRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long begin(String studentNumber, String actor, Instant now, Long restartedFrom) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        c -> {
          var statement =
              c.prepareStatement(
                  "insert into fixity_audit_run (student_number, started_by, started_at,"
                      + " heartbeat_at, status, blobs_checked, bytes_read, findings, repairs, restarted_from)"
                      + " values (?, ?, ?, ?, 'RUNNING', 0, 0, 0, 0, ?)",
                  new String[] {"id"});
          statement.setString(1, studentNumber);
          statement.setString(2, actor);
          statement.setTimestamp(3, Timestamp.from(now));
          statement.setTimestamp(4, Timestamp.from(now));
          statement.setObject(5, restartedFrom);
          return statement;
        },
        key);
    return key.getKey().longValue();
  }

  void progress(long id, int blobs, long bytes, int findings, int repairs) {
    jdbc.update(
        "update fixity_audit_run set blobs_checked = ?, bytes_read = ?, findings = ?, repairs = ?"
            + " where id = ?",
        blobs,
        bytes,
        findings,
        repairs,
        id);
  }

  /** The running node is alive: see {@link Heartbeats}. */
  void beat(long id, Instant now) {
    jdbc.update(
        "update fixity_audit_run set heartbeat_at = ? where id = ? and status = 'RUNNING'",
        Timestamp.from(now),
        id);
  }

  void end(long id, Status status, String error, String errorFa, Instant now) {
    jdbc.update(
        "update fixity_audit_run set status = ?, error = ?, error_fa = ?, finished_at = ? where id = ?",
        status.name(),
        error == null || error.length() <= 1000 ? error : error.substring(0, 1000),
        errorFa,
        Timestamp.from(now),
        id);
  }

  /** Whether some node runs an audit now (a running run whose heartbeat is recent). */
  boolean anyRunningSince(Instant heartbeatAfter) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select count(*) > 0 from fixity_audit_run where status ="
                + " 'RUNNING' and heartbeat_at >= ?",
            Boolean.class,
            Timestamp.from(heartbeatAfter)));
  }

  /**
   * Closes the runs whose node stopped beating before {@code heartbeatBefore} (killed, crashed,
   * switched off) as failed, interrupted; returns those this call closed (another node looking at
   * the same moment gets none of them), so each is started again exactly once.
   */
  List<Run> closeInterrupted(Instant heartbeatBefore, Instant now) {
    List<Run> closed = new java.util.ArrayList<>();
    for (Run run :
        jdbc.query(
            "select * from fixity_audit_run where status = 'RUNNING'"
                + " and coalesce(heartbeat_at, started_at) < ? order by id",
            ROW,
            Timestamp.from(heartbeatBefore))) {
      if (jdbc.update(
              "update fixity_audit_run set status = 'FAILED', finished_at = ?, error = ?, error_fa = ?"
                  + " where id = ? and status = 'RUNNING'",
              Timestamp.from(now),
              INTERRUPTED,
              INTERRUPTED_FA,
              run.id())
          == 1) {
        closed.add(run);
      }
    }
    return closed;
  }

  public Optional<Run> find(long id) {
    return jdbc.query("select * from fixity_audit_run where id = ?", ROW, id).stream().findFirst();
  }

  public List<Run> recent(int limit) {
    return jdbc.query(
        "select * from fixity_audit_run order by id desc fetch first " + limit + " rows only", ROW);
  }

  Optional<Run> lastFinished() {
    return jdbc
        .query(
            "select * from fixity_audit_run where status = 'DONE' order by id desc fetch first 1 rows only",
            ROW)
        .stream()
        .findFirst();
  }
}
