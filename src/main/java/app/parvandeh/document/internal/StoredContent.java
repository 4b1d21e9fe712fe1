package app.parvandeh.document.internal;

/** Content whose bytes are safely in the store, named by their SHA-256. */
record StoredContent(String sha256, long sizeBytes, String mediaType) {}
