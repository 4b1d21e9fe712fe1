package app.parvandeh.document.internal;

import app.parvandeh.document.ReadThrottle;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the content address of every blob, for the stores that re-read their bytes. */
final class ContentHashes {

  private static final int BUFFER = 64 * 1024;

  private ContentHashes() {}

  /**
   * Reads the stream to its end, at most as fast as the throttle allows, and returns its SHA-256 in
   * hex.
   */
  static String sha256Of(InputStream in, ReadThrottle throttle) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[BUFFER];
    int read;
    while ((read = in.read(buffer)) != -1) {
      digest.update(buffer, 0, read);
      throttle.read(read);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
