package app.parvandeh.document;

import java.nio.file.Path;

/** Bytes written and synced to a temporary file, hashed and counted, not yet in the store. */
public record StagedContent(Path tempFile, String sha256, long sizeBytes) {}
