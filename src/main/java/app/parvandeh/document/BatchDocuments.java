package app.parvandeh.document;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Documents that arrive in bulk (exam card and confidential report card, Golestan 18090), attached
 * to a student's admission documents. Each file passes the same checks as any upload (size, type
 * from its bytes agreeing with its extension; DocumentIntake) and the same bytes are never attached
 * twice.
 */
public interface BatchDocuments {

  /** The document types that arrive in batches, named in batch file names. */
  Set<String> TYPES = Set.of("EXAM_CARD", "CONFIDENTIAL_REPORT_CARD");

  /**
   * The batch types' Persian names from the document type catalogue, code → name in the catalogue's
   * order: the batch page names a type as the checklist does.
   */
  Map<String, String> typeNames();

  /**
   * The Persian names of the documents this student's checklist says arrive in a batch and that are
   * not in the file yet; empty when none is missing (or the checklist has none, e.g. a
   * brilliant-talent student).
   */
  List<String> missingBatchDocuments(Long studentId);

  /** A batch file whose bytes were checked and made safe in the content store, ready to attach. */
  record CheckedFile(String fileName, String sha256, long sizeBytes, String mediaType) {}

  /**
   * Streams the file into the content store after the upload checks; a refusal is the usual {@link
   * app.parvandeh.shared.ParvandehException} (413, 415, 400) and leaves nothing behind.
   */
  CheckedFile check(String typeCode, String fileName, InputStream content);

  /**
   * Checks the file like {@link #check} but keeps nothing: for a file that waits in the unmatched
   * queue.
   */
  String checkOnly(String typeCode, String fileName, InputStream content);

  /** The attached version, for the note that addresses it. */
  record Attached(Long documentId, Long versionId, int versionNo, String typeName) {}

  /**
   * Whether these bytes are already some document's version (a batch never attaches them again).
   */
  boolean alreadyAttached(String sha256);

  /**
   * Attaches the checked file as the next version of the student's admission document of that type,
   * in the caller's transaction.
   */
  Attached attach(Long studentId, String typeCode, CheckedFile file, String actor);
}
