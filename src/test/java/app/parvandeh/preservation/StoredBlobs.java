package app.parvandeh.preservation;

import app.parvandeh.document.DocumentProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a blob's two copies lie on disk, and the damage the drills do to them. */
final class StoredBlobs {

  private final DocumentProperties properties;

  StoredBlobs(DocumentProperties properties) {
    this.properties = properties;
  }

  Path primary(String sha256) {
    return at(properties.storeDir(), sha256);
  }

  Path replica(String sha256) {
    return at(properties.replicaDir(), sha256);
  }

  /** Flips one bit in the middle of the file, as a failing disk would. */
  static void flipAByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
  }

  private static Path at(Path root, String sha256) {
    return root.toAbsolutePath()
        .normalize()
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }
}
