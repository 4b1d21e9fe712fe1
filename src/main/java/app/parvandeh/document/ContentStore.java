package app.parvandeh.document;

import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where document bytes live, addressed by SHA-256. The filesystem store is the default; the
 * interface admits an S3-compatible store for multi-node installs. Bytes are made safe before any
 * metadata points at them.
 */
public interface ContentStore {

  /**
   * Streams the content to a temporary file, hashing and counting as it goes, and syncs it to disk.
   *
   * @throws ContentTooLargeException past {@code maxBytes}; nothing is left behind
   */
  StagedContent stage(InputStream content, long maxBytes) throws IOException;

  /**
   * Moves staged bytes to their content address atomically; the same bytes stored twice are kept
   * once.
   */
  void commit(StagedContent staged) throws IOException;

  /** Deletes a staged temporary file that will not be committed. */
  void discard(StagedContent staged);

  /**
   * The blob's bytes, verified: they match their address, or they are the replica's good copy (and
   * the primary has been rewritten from it). A blob bad in every copy is never served: {@link
   * DamagedContentException}.
   */
  InputStream open(String sha256) throws IOException;

  boolean contains(String sha256);

  /**
   * Visits every stored address last written before {@code olderThan} (for the unreferenced-content
   * sweeper).
   */
  void forEachStored(Instant olderThan, Consumer<String> visitor) throws IOException;

  void delete(String sha256) throws IOException;

  /**
   * The blob's bytes are changed or missing in every copy. A refusal the clerk sees in Persian
   * (409: the request is fine, the archive's state is not); managers are told through the fixity
   * finding recorded with it.
   */
  class DamagedContentException extends ParvandehException {

    private final String sha256;

    public DamagedContentException(String sha256) {
      super(
          409,
          "content-damaged",
          "فایل این مدرک در بایگانی آسیب دیده یا پیدا نمی‌شود و نسخه سالمی از آن در دسترس نیست؛ موضوع به مدیران گزارش شد.",
          "This document's stored bytes are damaged or missing and no good copy is available; managers have been told.");
      this.sha256 = sha256;
    }

    public String sha256() {
      return sha256;
    }
  }

  /** Thrown while staging content larger than allowed. */
  class ContentTooLargeException extends IOException {
    public ContentTooLargeException(long maxBytes) {
      super("Content exceeds " + maxBytes + " bytes");
    }
  }
}
