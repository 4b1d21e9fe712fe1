package app.parvandeh.document;

import app.parvandeh.document.DocumentViews.ContentView;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.DocumentViews.RequirementView;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A student's admission documents: the checklist, uploads (all-or-nothing, bytes safe before
 * metadata), reviews by the faculty and the central admission unit, and the outcome the process
 * routes on.
 */
public interface DocumentService {

  /**
   * Records the checklist the RequiredDocuments decision produced; running it again updates, never
   * duplicates.
   */
  void recordRequirements(Long studentId, List<Requirement> decided);

  List<RequirementView> checklist(Long studentId);

  List<DocumentView> documentsOf(Long studentId);

  /**
   * Student-supplied types still missing, or rejected and not yet replaced. Empty means ready for
   * review.
   */
  List<String> missingForReview(Long studentId);

  /**
   * Stores a student's admission uploads as new versions. Every file is checked (size, type from
   * its bytes) and its bytes made safe before any row is written; one bad file refuses the whole
   * request and stores nothing.
   */
  List<DocumentView> uploadAdmissionDocuments(Long studentId, List<Upload> uploads, String actor);

  /** Records one stage's decision on a document's current version; a rejection needs a reason. */
  DocumentView review(
      Long studentId,
      Long documentId,
      ReviewStage stage,
      ReviewDecision decision,
      String reason,
      String reviewer,
      String taskId);

  /** How a review stage ended over every uploaded admission document's current version. */
  ReviewOutcome outcome(Long studentId, ReviewStage stage);

  /**
   * The current versions of every admission document, for the registration-complete note's
   * addresses.
   */
  List<DocumentView> admissionDocumentsOf(Long studentId);

  ContentView content(Long versionId);

  InputStream open(ContentView content) throws IOException;

  /**
   * What one upload may be: its largest size and the types kept (the pages show them; the server
   * checks them).
   */
  record UploadLimits(long maxFileSizeBytes, List<String> mediaTypes, List<String> extensions) {}

  UploadLimits uploadLimits();

  /** Whether the document version exists and belongs to this student's file. */
  boolean versionBelongsTo(Long studentId, Long versionId);

  /**
   * What a note address pointing at a document version shows: the document's type and the version's
   * file.
   */
  record VersionSummary(
      Long versionId, Long documentId, Long studentId, String typeName, String fileName) {}

  /** The versions among these ids that still exist (report 112 flags the others as unresolved). */
  Map<Long, VersionSummary> versionSummaries(java.util.Collection<Long> versionIds);

  /**
   * Every version's blob address (of one student's file, or of all when {@code studentId} is null).
   */
  List<StoredVersion> storedVersions(Long studentId);

  /**
   * The versions whose bytes are these (usually one; the same bytes uploaded twice are kept once).
   */
  List<StoredVersion> versionsWithContent(String sha256);

  /** Whether any version still points at these bytes (the sweeper keeps those). */
  boolean isReferenced(String sha256);
}
