package app.parvandeh.document.internal;

/**
 * Where a document came from, as stored in {@code document.source}. Admission uploads and batch
 * cards have none (null); only office-automation letters (18090) are marked today.
 */
enum DocumentSource {
  OFFICE_AUTOMATION
}
