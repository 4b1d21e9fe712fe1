package app.parvandeh.preservation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The audit's runs ({@code fixity_audit_run}): who started which scope when, how far it got, what it found. */
@Component
public class FixityRuns {

  public enum Status { RUNNING, DONE, FAILED }

  /** {@code studentNumber} null: the whole archive. */
  public record Run(long id, String studentNumber, String startedBy, Instant startedAt, Instant finishedAt,
      Status status, int blobsChecked, long bytesRead, int findings, int repairs, String error) {}

  private static final RowMapper<Run> ROW = (rs, i) -> {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new Run(rs.getLong("id"), rs.getString("student_number"), rs.getString("started_by"),
        rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
        Status.valueOf(rs.getString("status")), rs.getInt("blobs_checked"), rs.getLong("bytes_read"),
        rs.getInt("findings"), rs.getInt("repairs"), rs.getString("error"));
  };

  private final JdbcTemplate jdbc;

  FixityRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long begin(String studentNumber, String actor, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var statement = c.prepareStatement("insert into fixity_audit_run (student_number, started_by, started_at,"
          + " status, blobs_checked, bytes_read, findings, repairs) values (?, ?, ?, 'RUNNING', 0, 0, 0, 0)",
          new String[] {"id"});
      statement.setString(1, studentNumber);
      statement.setString(2, actor);
      statement.setTimestamp(3, Timestamp.from(now));
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  void progress(long id, int blobs, long bytes, int findings, int repairs) {
    jdbc.update("update fixity_audit_run set blobs_checked = ?, bytes_read = ?, findings = ?, repairs = ?"
        + " where id = ?", blobs, bytes, findings, repairs, id);
  }

  void end(long id, Status status, String error, Instant now) {
    jdbc.update("update fixity_audit_run set status = ?, error = ?, finished_at = ? where id = ?", status.name(),
        error == null || error.length() <= 1000 ? error : error.substring(0, 1000), Timestamp.from(now), id);
  }

  /** Runs a stopped process left as running: they did not finish, and say so. */
  int failInterrupted(Instant now) {
    return jdbc.update("update fixity_audit_run set status = 'FAILED', finished_at = ?, error = ?"
        + " where status = 'RUNNING'", Timestamp.from(now), "interrupted: the application stopped during the run");
  }

  public Optional<Run> find(long id) {
    return jdbc.query("select * from fixity_audit_run where id = ?", ROW, id).stream().findFirst();
  }

  public List<Run> recent(int limit) {
    return jdbc.query("select * from fixity_audit_run order by id desc fetch first " + limit + " rows only", ROW);
  }

  Optional<Run> lastFinished() {
    return jdbc.query("select * from fixity_audit_run where status = 'DONE' order by id desc fetch first 1 rows only",
        ROW).stream().findFirst();
  }
}
