package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentTextIndex;
import app.parvandeh.document.internal.DocumentTextJobs.Job;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** The DocumentTextIndex facade over the module's repositories. */
@Service
class DocumentTextIndexer implements DocumentTextIndex {

  private static final Logger log = LoggerFactory.getLogger(DocumentTextIndex.class);
  static final int MAX_ATTEMPTS = 5;

  /** Longer than the longest extraction (a 200-page scan), so a live node never loses its claim. */
  static final Duration LEASE = Duration.ofHours(2);

  private static final int BATCH = 20;

  private final DocumentTextJobs jobs;
  private final TextExtractor extractor;
  private final DocumentTextAlerts alerts;
  private final Clock clock;
  private final String node;

  DocumentTextIndexer(
      DocumentTextJobs jobs,
      TextExtractor extractor,
      DocumentTextAlerts alerts,
      Clock clock,
      @Value("${parvandeh.cluster.node-id:}") String nodeId) {
    this.jobs = jobs;
    this.extractor = extractor;
    this.alerts = alerts;
    this.clock = clock;
    this.node =
        nodeId.isBlank()
            ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID()
            : nodeId;
  }

  @Scheduled(
      initialDelayString = "${parvandeh.documents.text.extraction-delay:PT15S}",
      fixedDelayString = "${parvandeh.documents.text.extraction-delay:PT15S}")
  void runInBackground() {
    while (runDue() > 0) {
      // until a pass finds nothing due (all done, or only jobs waiting for their retry)
    }
  }

  /**
   * Queues versions without a job and extracts one batch of due ones; how many this node extracted.
   */
  @Override
  public int runDue() {
    jobs.discover(Instant.now(clock), 500);
    return run(jobs.due(Instant.now(clock), BATCH, null));
  }

  /**
   * Extracts these versions now if their jobs are due (what the background does, for tests and the
   * admins).
   */
  @Override
  public int runFor(List<Long> versionIds) {
    jobs.discover(Instant.now(clock), 500);
    return run(jobs.due(Instant.now(clock), versionIds.size(), versionIds));
  }

  /**
   * Puts the versions that failed for good back in the queue (after Tesseract was installed, say).
   */
  @Override
  public int retryFailed() {
    List<Long> failed = jobs.failedVersions();
    failed.forEach(id -> jobs.requeue(id, Instant.now(clock)));
    return failed.size();
  }

  @Override
  public Overview overview() {
    return new Overview(jobs.progress(), jobs.failures(50));
  }

  /** The job's state for a version: PENDING, DONE, FAILED, or null before it is queued. */
  @Override
  public String stateOf(long versionId) {
    return jobs.state(versionId);
  }

  private int run(List<Long> due) {
    int done = 0;
    for (Long versionId : due) {
      Job job = jobs.claim(versionId, node, Instant.now(clock), LEASE);
      if (job == null) {
        continue;
      }
      try {
        TextExtractor.Extraction extraction = extractor.extract(job.sha256(), job.mediaType());
        if (jobs.complete(job, node, extraction, Instant.now(clock))) {
          done++;
        }
      } catch (Exception | OutOfMemoryError e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn(
            "Text extraction of document version {} failed (attempt {}): {}",
            versionId,
            job.attempts(),
            error);
        if (jobs.failed(job, node, error, Instant.now(clock), MAX_ATTEMPTS)) {
          alerts.failed(jobs.documentOf(versionId), jobs.progress().failed(), error);
        }
      }
    }
    return done;
  }
}
