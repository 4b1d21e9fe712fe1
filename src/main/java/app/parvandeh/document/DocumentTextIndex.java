package app.parvandeh.document;

import java.time.Instant;
import java.util.List;

/**
 * Derives the searchable text of every stored version in the background ({@code
 * parvandeh.documents.text.extraction-delay}): new uploads and, newest first, the versions stored
 * before search inside documents existed (the backfill: it resumes where it stood after a restart,
 * since its state is the job table). Nothing here runs inside an upload's transaction, so an upload
 * is acknowledged without waiting for it and cannot fail because of it.
 */
public interface DocumentTextIndex {

  /**
   * Where the web answers with the overview and takes a retry; the managers' alert task names it
   * too.
   */
  String PATH = "/api/documents/text-index";

  /** Where the indexing stands, for the admins' page. */
  record Progress(
      long versions,
      long indexed,
      long pending,
      long failed,
      long unqueued,
      Instant oldestPendingSince) {}

  /** A job that failed for good, with why. */
  record Failure(
      long versionId, long documentId, int attempts, String lastError, Instant finishedAt) {}

  /** The admins' view: how far the indexing is, and the versions that failed for good. */
  record Overview(Progress progress, List<Failure> failures) {}

  /**
   * Queues versions without a job and extracts one batch of due ones; how many this node extracted.
   */
  int runDue();

  /**
   * Extracts these versions now if their jobs are due (what the background does, for tests and the
   * admins).
   */
  int runFor(List<Long> versionIds);

  /**
   * Puts the versions that failed for good back in the queue (after Tesseract was installed, say).
   */
  int retryFailed();

  Overview overview();

  /** The job's state for a version: PENDING, DONE, FAILED, or null before it is queued. */
  String stateOf(long versionId);
}
