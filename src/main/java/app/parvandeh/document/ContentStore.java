package app.parvandeh.document;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where document bytes live, addressed by SHA-256. The filesystem store is the default; the interface admits an
 * S3-compatible store for multi-node installs. Bytes are made safe before any metadata points at them.
 */
public interface ContentStore {

  /**
   * Streams the content to a temporary file, hashing and counting as it goes, and syncs it to disk.
   *
   * @throws ContentTooLargeException past {@code maxBytes}; nothing is left behind
   */
  StagedContent stage(InputStream content, long maxBytes) throws IOException;

  /** Moves staged bytes to their content address atomically; the same bytes stored twice are kept once. */
  void commit(StagedContent staged) throws IOException;

  /** Deletes a staged temporary file that will not be committed. */
  void discard(StagedContent staged);

  InputStream open(String sha256) throws IOException;

  boolean contains(String sha256);

  /** Visits every stored address last written before {@code olderThan} (for the unreferenced-content sweeper). */
  void forEachStored(Instant olderThan, Consumer<String> visitor) throws IOException;

  void delete(String sha256) throws IOException;

  /** Thrown while staging content larger than allowed. */
  class ContentTooLargeException extends IOException {
    public ContentTooLargeException(long maxBytes) {
      super("Content exceeds " + maxBytes + " bytes");
    }
  }
}
