package app.parvandeh.preservation;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.ContentCopies.State;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.document.StoredVersion;
import app.parvandeh.preservation.FixityFindings.Kind;
import app.parvandeh.preservation.FixityFindings.Source;
import app.parvandeh.preservation.FixityRuns.Run;
import app.parvandeh.preservation.FixityRuns.Status;
import app.parvandeh.shared.ClusterLeases;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * The fixity audit: re-reads every blob of the archive (or of one student's file) in every copy, at
 * most {@code parvandeh.preservation.fixity.bytes-per-second}, and compares its SHA-256 with the
 * recorded one. A changed or missing copy is rewritten from a good one (verified while copied); a
 * blob with no good copy left is raised to managers at once. A whole-archive run also reports
 * untracked blobs (bytes no version points at, older than the grace an upload in flight needs).
 * Nightly by default ({@code parvandeh.preservation.fixity.cron}); one run at a time, on any node
 * (a run's heartbeat, see {@link Heartbeats}, tells the others it is alive). A run whose node
 * stopped (killed in the middle) is closed as interrupted and started again from the beginning,
 * once.
 */
@Service
public class FixityAudit {

  private static final Logger log = LoggerFactory.getLogger(FixityAudit.class);
  static final String SYSTEM = "system:fixity-audit";

  private final DocumentService documents;
  private final StudentService students;
  private final ContentCopies copies;
  private final FixityFindings findings;
  private final FixityRuns runs;
  private final FixityAlerts alerts;
  private final Clock clock;
  private final ClusterLeases leases;
  private final long bytesPerSecond;
  private final Duration untrackedGrace;
  private final Heartbeats heartbeats;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Long current;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "fixity-audit");
            thread.setDaemon(true);
            return thread;
          });

  FixityAudit(
      DocumentService documents,
      StudentService students,
      ContentCopies copies,
      FixityFindings findings,
      FixityRuns runs,
      FixityAlerts alerts,
      Heartbeats heartbeats,
      Clock clock,
      ClusterLeases leases,
      @Value("${parvandeh.preservation.fixity.bytes-per-second:20MB}") DataSize bytesPerSecond,
      @Value("${parvandeh.preservation.fixity.untracked-grace:PT6H}") Duration untrackedGrace) {
    this.documents = documents;
    this.students = students;
    this.copies = copies;
    this.findings = findings;
    this.runs = runs;
    this.alerts = alerts;
    this.clock = clock;
    this.leases = leases;
    this.bytesPerSecond = bytesPerSecond.toBytes();
    this.untrackedGrace = untrackedGrace;
    this.heartbeats = heartbeats;
    heartbeats.register(this::beat);
  }

  /**
   * Starts a run in the background and answers at once; {@code studentNumber} null audits the whole
   * archive.
   */
  public Run start(String studentNumber, String actor) {
    return start(studentNumber, actor, null);
  }

  private Run start(String studentNumber, String actor, Long restartedFrom) {
    Long studentId = studentId(studentNumber);
    long id = begin(studentNumber, actor, restartedFrom);
    background.submit(() -> execute(id, studentId));
    return runs.find(id).orElseThrow();
  }

  /** Runs in the caller's thread (the nightly schedule, and tests that need the result). */
  public Run runNow(String studentNumber, String actor) {
    Long studentId = studentId(studentNumber);
    long id = begin(studentNumber, actor, null);
    execute(id, studentId);
    return runs.find(id).orElseThrow();
  }

  /**
   * In the audit's own thread: a run of hours must not hold the scheduler the replica's catch-up
   * also needs.
   */
  /**
   * On one node: every node's schedule fires, the first to take the night's lease runs the audit.
   */
  @Scheduled(cron = "${parvandeh.preservation.fixity.cron:0 30 2 * * *}")
  void nightly() {
    if (!running.get() && leases.tryAcquire("fixity-nightly", Duration.ofHours(1))) {
      try {
        start(null, SYSTEM);
      } catch (ParvandehException e) {
        // another node's nightly run (or a manager's) is already going: one run covers the night
        log.info("Nightly fixity audit not started here: {}", e.messageEn());
      }
    }
  }

  /**
   * Tells the other nodes this node's run is alive; closes runs whose node stopped beating and
   * starts each again (the first beat is at start-up, so a run a kill interrupted is redone as soon
   * as the application is back).
   */
  private void beat() {
    Instant now = Instant.now(clock);
    Long id = current;
    if (id != null) {
      runs.beat(id, now);
    }
    for (Run interrupted : runs.closeInterrupted(now.minus(heartbeats.staleAfter()), now)) {
      log.warn(
          "Fixity audit {} was interrupted (its node stopped); starting it again",
          interrupted.id());
      try {
        start(interrupted.studentNumber(), interrupted.startedBy(), interrupted.id());
      } catch (RuntimeException e) {
        log.error("Could not start the interrupted fixity audit {} again", interrupted.id(), e);
      }
    }
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }

  private Long studentId(String studentNumber) {
    return studentNumber == null || studentNumber.isBlank()
        ? null
        : students.get(studentNumber).id();
  }

  private long begin(String studentNumber, String actor, Long restartedFrom) {
    if (!running.compareAndSet(false, true)) {
      throw alreadyRunning();
    }
    if (runs.anyRunningSince(Instant.now(clock).minus(heartbeats.staleAfter()))) {
      running.set(false);
      throw alreadyRunning();
    }
    try {
      return runs.begin(
          studentNumber == null || studentNumber.isBlank() ? null : studentNumber,
          actor,
          Instant.now(clock),
          restartedFrom);
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
  }

  private static ParvandehException alreadyRunning() {
    return ParvandehException.conflict(
        "audit-running",
        "یک پایش سلامت بایگانی در حال اجراست؛ پس از پایان آن دوباره تلاش کنید.",
        "A fixity audit is already running; try again when it has finished.");
  }

  private void execute(long runId, Long studentId) {
    Tally tally = new Tally();
    ReadThrottle throttle = new ReadThrottle(bytesPerSecond);
    Instant startedAt = Instant.now(clock);
    current = runId;
    try {
      Map<String, List<StoredVersion>> byContent = new LinkedHashMap<>();
      for (StoredVersion v : documents.storedVersions(studentId)) {
        byContent.computeIfAbsent(v.sha256(), k -> new ArrayList<>()).add(v);
      }
      for (Map.Entry<String, List<StoredVersion>> blob : byContent.entrySet()) {
        checkBlob(runId, blob.getKey(), blob.getValue(), throttle, tally);
        if (++tally.blobs % 50 == 0) {
          runs.progress(runId, tally.blobs, throttle.bytesRead(), tally.findings, tally.repairs);
        }
      }
      if (studentId == null) {
        findUntracked(runId, startedAt.minus(untrackedGrace), tally);
      }
      runs.progress(runId, tally.blobs, throttle.bytesRead(), tally.findings, tally.repairs);
      runs.end(runId, Status.DONE, null, null, Instant.now(clock));
      log.info(
          "Fixity audit {} done: {} blobs, {} bytes, {} findings, {} repairs, {} without a good copy",
          runId,
          tally.blobs,
          throttle.bytesRead(),
          tally.findings,
          tally.repairs,
          tally.lost);
      if (tally.findings > 0) {
        alerts.raise(
            "پایش سلامت بایگانی شماره "
                + PersianText.toPersianDigits(String.valueOf(runId))
                + ": "
                + PersianText.toPersianDigits(String.valueOf(tally.findings))
                + " مورد یافت شد، "
                + PersianText.toPersianDigits(String.valueOf(tally.repairs))
                + " نسخه از نسخه سالم بازسازی شد، "
                + PersianText.toPersianDigits(String.valueOf(tally.lost))
                + " فایل هیچ نسخه سالمی ندارد.");
      }
    } catch (IOException | RuntimeException e) {
      log.error("Fixity audit {} failed", runId, e);
      runs.progress(runId, tally.blobs, throttle.bytesRead(), tally.findings, tally.repairs);
      runs.end(
          runId,
          Status.FAILED,
          e.toString(),
          "پایش سلامت بایگانی ناموفق بود؛ شرح خطا (به انگلیسی) در ادامه" + " آمده است.",
          Instant.now(clock));
    } finally {
      current = null;
      running.set(false);
    }
  }

  private void checkBlob(
      long runId, String sha256, List<StoredVersion> versions, ReadThrottle throttle, Tally tally)
      throws IOException {
    Map<Copy, State> states = new EnumMap<>(Copy.class);
    for (Copy copy : copies.copies()) {
      State state = copies.check(copy, sha256, throttle);
      // Not yet copied to the replica: the catch-up's job, not a finding.
      if (!(copy == Copy.REPLICA && state == State.MISSING && copies.awaitingReplica(sha256))) {
        states.put(copy, state);
      }
    }
    boolean anyGood = states.containsValue(State.OK);
    for (Map.Entry<Copy, State> copy : states.entrySet()) {
      if (copy.getValue() == State.OK) {
        continue;
      }
      boolean repaired = anyGood && copies.repair(copy.getKey(), sha256);
      tally.repairs += repaired ? 1 : 0;
      Kind kind = copy.getValue() == State.MISSING ? Kind.MISSING : Kind.CHANGED;
      for (StoredVersion v : versions) {
        findings.record(
            Source.AUDIT, runId, kind, copy.getKey(), sha256, v, tally.studentNumber(v), repaired);
        tally.findings++;
      }
    }
    if (!anyGood) {
      tally.lost++;
      StoredVersion v = versions.get(0);
      alerts.raise(
          "فایل مدرک "
              + PersianText.toPersianDigits(String.valueOf(v.documentId()))
              + " دانشجوی "
              + tally.studentNumber(v)
              + " در هیچ نسخه‌ای سالم نیست (پایش شماره "
              + PersianText.toPersianDigits(String.valueOf(runId))
              + ")؛ باید از پشتیبان بازگردانده شود.");
    }
  }

  private void findUntracked(long runId, Instant before, Tally tally) throws IOException {
    for (Copy copy : copies.copies()) {
      copies.forEachAddress(
          copy,
          before,
          sha256 -> {
            if (!documents.isReferenced(sha256)) {
              findings.record(Source.AUDIT, runId, Kind.UNTRACKED, copy, sha256, null, null, false);
              tally.findings++;
            }
          });
    }
  }

  /** One run's counts, and the student numbers looked up so far. */
  private final class Tally {
    int blobs;
    int findings;
    int repairs;
    int lost;
    final Map<Long, String> numbers = new HashMap<>();

    String studentNumber(StoredVersion v) {
      return numbers.computeIfAbsent(v.studentId(), id -> students.getById(id).studentNumber());
    }
  }
}
