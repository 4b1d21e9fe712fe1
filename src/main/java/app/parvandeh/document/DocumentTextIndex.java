package app.parvandeh.document;

import app.parvandeh.document.DocumentTextJobs.Failure;
import app.parvandeh.document.DocumentTextJobs.Job;
import app.parvandeh.document.DocumentTextJobs.Progress;
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

/**
 * Derives the searchable text of every stored version in the background ({@code
 * parvandeh.documents.text.extraction-delay}): new uploads and, newest first, the versions stored
 * before search inside documents existed (the backfill: it resumes where it stood after a restart,
 * since its state is the job table). Nothing here runs inside an upload's transaction, so an upload
 * is acknowledged without waiting for it and cannot fail because of it.
 */
@Service
public class DocumentTextIndex {

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

  DocumentTextIndex(
      DocumentTextJobs jobs,
      TextExtractor extractor,
      DocumentTextAlerts alerts,
      Clock clock,
      @Value("${parvandeh.node-id:}") String nodeId) {
    this.jobs = jobs;
    this.extractor = extractor;
    this.alerts = alerts;
    this.clock = clock;
    this.node =
        nodeId.isBlank()
            ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID()
            : nodeId;
  }

  /** The admins' view: how far the indexing is, and the versions that failed for good. */
  public record Overview(Progress progress, List<Failure> failures) {}

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
  public int runDue() {
    jobs.discover(Instant.now(clock), 500);
    return run(jobs.due(Instant.now(clock), BATCH, null));
  }

  /**
   * Extracts these versions now if their jobs are due (what the background does, for tests and the
   * admins).
   */
  public int runFor(List<Long> versionIds) {
    jobs.discover(Instant.now(clock), 500);
    return run(jobs.due(Instant.now(clock), versionIds.size(), versionIds));
  }

  /**
   * Puts the versions that failed for good back in the queue (after Tesseract was installed, say).
   */
  public int retryFailed() {
    List<Long> failed = jobs.failedVersions();
    failed.forEach(id -> jobs.requeue(id, Instant.now(clock)));
    return failed.size();
  }

  public Overview overview() {
    return new Overview(jobs.progress(), jobs.failures(50));
  }

  /** The job's state for a version: PENDING, DONE, FAILED, or null before it is queued. */
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
