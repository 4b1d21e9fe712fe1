package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.document.StagedContent;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One copy of the blobs (a directory, or a bucket of an S3-compatible service). {@link #open} gives
 * the bytes as stored, unchecked: {@link ReplicatedContentStore} verifies them before it serves
 * them, and repairs through {@link #replace}.
 */
interface BlobStore extends ContentStore {

  /** Re-reads the blob and compares its SHA-256 with its address. */
  ContentCopies.State check(String sha256, ReadThrottle throttle) throws IOException;

  /**
   * Puts staged bytes at their address even over damaged bytes there (repair); visible only once
   * complete.
   */
  void replace(StagedContent staged) throws IOException;

  /**
   * Every address stored, last written before {@code olderThan}; unlike the sweep, touches nothing.
   */
  void forEachAddress(Instant olderThan, Consumer<String> visitor) throws IOException;
}
