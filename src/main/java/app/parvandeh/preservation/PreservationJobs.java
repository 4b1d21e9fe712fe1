package app.parvandeh.preservation;

import app.parvandeh.shared.ParvandehException;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
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
import org.springframework.stereotype.Component;

/**
 * Long preservation work (a system backup, a bulk export) runs in the background, one job of a kind at a time, and
 * reports its progress here so a status endpoint can show it. Jobs live in memory: a restart forgets them, and the
 * result folders they wrote stay (a backup only gets its final name once verified).
 */
@Component
public class PreservationJobs {

  private static final Logger log = LoggerFactory.getLogger(PreservationJobs.class);

  /** What a job does; it returns where its result is. */
  @FunctionalInterface
  public interface Work {
    Path run(Job job) throws Exception;
  }

  public enum Kind { BACKUP, EXPORT }

  public enum Status { RUNNING, SUCCEEDED, FAILED }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Map<Kind, ExecutorService> executors = new ConcurrentHashMap<>();
  private final Clock clock;

  PreservationJobs(Clock clock) {
    this.clock = clock;
  }

  /** Queues the work behind any running job of its kind. */
  public Job start(Kind kind, String startedBy, String scope, Work work) {
    Job job = new Job(UUID.randomUUID().toString(), kind, startedBy, scope, Instant.now(clock));
    jobs.put(job.id, job);
    executors.computeIfAbsent(kind, k -> Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "parvandeh-" + k.name().toLowerCase() + "-job");
      thread.setDaemon(true);
      return thread;
    })).submit(() -> {
      try {
        job.result = work.run(job);
        job.finish(Status.SUCCEEDED, null, Instant.now(clock));
      } catch (Exception | Error e) {
        log.error("{} job {} failed", kind, job.id, e);
        job.finish(Status.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(), Instant.now(clock));
      }
    });
    return job;
  }

  public Job get(Kind kind, String id) {
    Job job = jobs.get(id);
    if (job == null || job.kind != kind) {
      throw ParvandehException.notFound("job-not-found", "چنین کاری یافت نشد (شاید برنامه از نو آغاز شده است).",
          "No such job (the application may have restarted since).");
    }
    return job;
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

    public Status status() {
      return status;
    }

    public Path result() {
      return result;
    }

    void total(int total) {
      this.total = total;
    }

    void progressed(long moreBytes) {
      done.incrementAndGet();
      bytes.addAndGet(moreBytes);
    }

    private void finish(Status status, String error, Instant at) {
      this.error = error;
      this.finishedAt = at;
      this.status = status;
    }

    public View view() {
      return new View(id, kind.name(), scope, status.name(), done.get(), total, bytes.get(), startedBy, startedAt,
          finishedAt, result == null ? null : result.getFileName().toString(), error);
    }
  }

  /** What the status endpoints answer. {@code done} of {@code total} items (blobs, students), {@code bytes} copied. */
  public record View(String id, String kind, String scope, String status, int done, int total, long bytes,
      String startedBy, Instant startedAt, Instant finishedAt, String result, String error) {}
}
