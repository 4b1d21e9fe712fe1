package app.parvandeh.audit;

/** What was done. New operations add a value; recorded rows are never changed. */
public enum AuditAction {
  FILE_CREATED,
  FILE_VIEWED,
  FILE_EDITED,
  DOCUMENT_UPLOADED,
  DOCUMENT_VIEWED,
  DOCUMENT_DOWNLOADED,
  DOCUMENT_EDITED,
  DOCUMENT_REVIEWED,
  DOCUMENT_DELETED_FOR_CORRECTION,
  DOCUMENT_RESTORED,
  NOTE_RECORDED,
  REPORT_EXPORTED,
  /** A student's whole file (documents, notes, audit trail) exported as a BagIt bag. */
  FILE_EXPORTED,
  /** A signed clearance certificate («گواهی تسویه پرونده») of a cleared file was issued. */
  CLEARANCE_CERTIFICATE_ISSUED
}
