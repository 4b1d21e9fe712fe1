package app.parvandeh.document;

/** Content whose bytes are safely in the store, named by their SHA-256. */
public record StoredContent(String sha256, long sizeBytes, String mediaType) {}
