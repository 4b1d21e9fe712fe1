package app.parvandeh.preservation;

import app.parvandeh.shared.ParvandehException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Long preservation work (a system backup, a bulk export) runs in the background, one job of a kind
 * at a time on a node, and is recorded in {@code preservation_job}: its status, progress and result
 * survive a restart and every node answers for it. The node running a job writes its progress with
 * each heartbeat ({@link Heartbeats}); a job whose node stopped beating is closed as FAILED,
 * interrupted, with the reason in Persian and English, instead of showing as running forever. Its
 * half-written result never got its final name (a backup only gets it once verified, an export once
 * complete).
 */
@Component
public class PreservationJobs {

  private static final Logger log = LoggerFactory.getLogger(PreservationJobs.class);
  static final String INTERRUPTED =
      "interrupted: the application stopped (or its server went down) while the job"
          + " ran; start it again";
  static final String INTERRUPTED_FA =
      "این کار با توقف برنامه (یا از کار افتادن سرور آن) نیمه‌تمام ماند؛" + " دوباره آغازش کنید.";
  static final String FAILED_FA = "این کار ناموفق بود؛ شرح خطا (به انگلیسی) در ادامه آمده است.";

  /** What a job does; it returns where its result is. */
  @FunctionalInterface
  public interface Work {
    Path run(Job job) throws Exception;
  }

  public enum Kind {
    BACKUP,
    EXPORT
  }

  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  private static final RowMapper<View> ROW =
      (rs, i) -> {
        Timestamp finished = rs.getTimestamp("finished_at");
        String result = rs.getString("result_path");
        Path path = result == null ? null : Path.of(result);
        return new View(
            rs.getString("id"),
            rs.getString("kind"),
            rs.getString("scope"),
            rs.getString("status"),
            rs.getInt("done_items"),
            rs.getInt("total_items"),
            rs.getLong("bytes"),
            rs.getString("started_by"),
            rs.getTimestamp("started_at").toInstant(),
            finished == null ? null : finished.toInstant(),
            path == null ? null : path.getFileName().toString(),
            rs.getString("error"),
            rs.getString("error_fa"),
            path);
      };

  /** The jobs this node runs now; everything else is read from the table. */
  private final Map<String, Job> local = new ConcurrentHashMap<>();

  private final Map<Kind, ExecutorService> executors = new ConcurrentHashMap<>();
  private final JdbcTemplate jdbc;
  private final Heartbeats heartbeats;
  private final Clock clock;

  PreservationJobs(JdbcTemplate jdbc, Heartbeats heartbeats, Clock clock) {
    this.jdbc = jdbc;
    this.heartbeats = heartbeats;
    this.clock = clock;
    heartbeats.register(this::beat);
  }

  /** Records the job and queues the work behind any running job of its kind on this node. */
  public Job start(Kind kind, String startedBy, String scope, Work work) {
    Instant now = Instant.now(clock);
    Job job = new Job(UUID.randomUUID().toString(), kind, startedBy, scope, now);
    jdbc.update(
        "insert into preservation_job (id, kind, scope, started_by, started_at, heartbeat_at, status,"
            + " done_items, total_items, bytes) values (?, ?, ?, ?, ?, ?, 'RUNNING', 0, 0, 0)",
        job.id,
        kind.name(),
        scope,
        startedBy,
        Timestamp.from(now),
        Timestamp.from(now));
    local.put(job.id, job);
    executors
        .computeIfAbsent(
            kind,
            k ->
                Executors.newSingleThreadExecutor(
                    r -> {
                      Thread thread = new Thread(r, "parvandeh-" + k.name().toLowerCase() + "-job");
                      thread.setDaemon(true);
                      return thread;
                    }))
        .submit(
            () -> {
              try {
                job.result = work.run(job);
                job.finish(Status.SUCCEEDED, null, null, Instant.now(clock));
              } catch (Exception | Error e) {
                log.error("{} job {} failed", kind, job.id, e);
                job.finish(
                    Status.FAILED,
                    e.getMessage() == null ? e.toString() : e.getMessage(),
                    FAILED_FA,
                    Instant.now(clock));
              } finally {
                save(job);
                local.remove(job.id);
              }
            });
    return job;
  }

  /** The job as this node knows it (live, if it runs here) or as the table records it. */
  public View get(Kind kind, String id) {
    Job running = local.get(id);
    View view =
        running != null
            ? running.view()
            : jdbc.query("select * from preservation_job where id = ?", ROW, id).stream()
                .findFirst()
                .orElse(null);
    if (view == null || !view.kind().equals(kind.name())) {
      throw ParvandehException.notFound("job-not-found", "چنین کاری یافت نشد.", "No such job.");
    }
    return view;
  }

  /**
   * This node's jobs' progress, then every job whose node has stopped beating is closed as
   * interrupted.
   */
  void beat() {
    local.values().forEach(this::save);
    Instant now = Instant.now(clock);
    int closed =
        jdbc.update(
            "update preservation_job set status = 'FAILED', finished_at = ?, error = ?,"
                + " error_fa = ? where status = 'RUNNING' and heartbeat_at < ?",
            Timestamp.from(now),
            INTERRUPTED,
            INTERRUPTED_FA,
            Timestamp.from(now.minus(heartbeats.staleAfter())));
    if (closed > 0) {
      log.warn(
          "{} preservation job(s) lost their node while running and are marked failed (interrupted)",
          closed);
    }
  }

  private void save(Job job) {
    View v = job.view();
    jdbc.update(
        "update preservation_job set heartbeat_at = ?, status = ?, done_items = ?, total_items = ?,"
            + " bytes = ?, finished_at = ?, result_path = ?, error = ?, error_fa = ? where id = ?",
        Timestamp.from(Instant.now(clock)),
        v.status(),
        v.done(),
        v.total(),
        v.bytes(),
        v.finishedAt() == null ? null : Timestamp.from(v.finishedAt()),
        v.resultPath() == null ? null : v.resultPath().toAbsolutePath().toString(),
        v.error() == null || v.error().length() <= 1000 ? v.error() : v.error().substring(0, 1000),
        v.errorFa(),
        v.id());
  }

  @PreDestroy
  void stop() {
    executors.values().forEach(ExecutorService::shutdownNow);
  }

  /** One job's progress: counted by the work as it goes. */
  public static final class Job {
    private final String id;
    private final Kind kind;
    private final String startedBy;
    private final String scope;
    private final Instant startedAt;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile int total;
    private volatile Status status = Status.RUNNING;
    private volatile String error;
    private volatile String errorFa;
    private volatile Instant finishedAt;
    private volatile Path result;

    Job(String id, Kind kind, String startedBy, String scope, Instant startedAt) {
      this.id = id;
      this.kind = kind;
      this.startedBy = startedBy;
      this.scope = scope;
      this.startedAt = startedAt;
    }

    public String id() {
      return id;
    }

    public String startedBy() {
      return startedBy;
    }

    void total(int total) {
      this.total = total;
    }

    void progressed(long moreBytes) {
      done.incrementAndGet();
      bytes.addAndGet(moreBytes);
    }

    private void finish(Status status, String error, String errorFa, Instant at) {
      this.error = error;
      this.errorFa = errorFa;
      this.finishedAt = at;
      this.status = status;
    }

    public View view() {
      return new View(
          id,
          kind.name(),
          scope,
          status.name(),
          done.get(),
          total,
          bytes.get(),
          startedBy,
          startedAt,
          finishedAt,
          result == null ? null : result.getFileName().toString(),
          error,
          errorFa,
          result);
    }
  }

  /**
   * What the status endpoints answer. {@code done} of {@code total} items (blobs, students), {@code
   * bytes} copied; {@code error} and {@code errorFa} say why a failed job failed. {@code
   * resultPath} stays on the server.
   */
  public record View(
      String id,
      String kind,
      String scope,
      String status,
      int done,
      int total,
      long bytes,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      String result,
      String error,
      String errorFa,
      @JsonIgnore Path resultPath) {

    public boolean succeeded() {
      return Status.SUCCEEDED.name().equals(status);
    }
  }
}
