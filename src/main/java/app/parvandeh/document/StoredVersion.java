package app.parvandeh.document;

/**
 * Where a version's bytes should be: its blob's address, and whose file and document it belongs to.
 */
public record StoredVersion(
    Long versionId, Long documentId, Long studentId, String sha256, long sizeBytes) {}
