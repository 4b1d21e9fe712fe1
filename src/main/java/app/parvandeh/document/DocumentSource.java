package app.parvandeh.document;

/**
 * Where a document came from, as stored in {@code document.source}. Admission uploads and batch
 * cards have none (null); only office-automation letters (18090) are marked today.
 */
public enum DocumentSource {
  OFFICE_AUTOMATION
}
