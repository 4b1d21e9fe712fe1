package app.parvandeh.document;

import java.util.List;

/**
 * Clerks' operations on the documents of a file: edit the information (old → new kept in the audit
 * trail), add new content as a new version, delete for correction (soft, with a reason) and
 * restore. Every change must name the row version it was based on; a stale one is a conflict, so
 * two clerks never overwrite each other.
 */
public interface DocumentCorrections {

  /** What a clerk may change about a document; blank letter fields are cleared. */
  record DocumentInfo(String description, String letterNumber, String letterDate) {}

  /** Every document of the file, deleted ones included (marked), in the order they were created. */
  List<FileDocumentView> documentsOf(Long studentId);

  /** The student whose file holds the document; 404 when there is no such document. */
  Long studentOf(Long documentId);

  FileDocumentView editInfo(Long documentId, Long basedOnVersion, DocumentInfo info, String actor);

  /** New content for the document: the next version; earlier versions stay as they were. */
  FileDocumentView addVersion(Long documentId, Long basedOnVersion, Upload upload, String actor);

  /**
   * Soft delete so the document can be corrected: needs a reason; the versions and bytes are kept.
   */
  FileDocumentView deleteForCorrection(
      Long documentId, Long basedOnVersion, String reason, String actor);

  FileDocumentView restore(Long documentId, Long basedOnVersion, String actor);
}
