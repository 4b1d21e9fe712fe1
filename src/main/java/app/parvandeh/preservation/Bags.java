package app.parvandeh.preservation;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The BagIt steps, done by the Library of Congress' {@code gov.loc:bagit}: make a BagIt 1.0 bag in
 * place with SHA-256 payload and tag manifests, read it back and verify it complete and valid; then
 * zip and remove it.
 */
final class Bags {

  static final String PAYLOAD_MANIFEST = "manifest-sha256.txt";
  static final String TAG_MANIFEST = "tagmanifest-sha256.txt";

  private Bags() {}

  /**
   * Moves everything in {@code root} under data/, writes bagit.txt, bag-info.txt and the manifests.
   */
  static void bagInPlace(Path root, Metadata metadata) throws IOException {
    try {
      BagCreator.bagInPlace(root, List.of(StandardSupportedAlgorithms.SHA256), true, metadata);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Reads the bag from disk and checks it the way a receiving archive would; throws when it is not
   * sound.
   */
  static Bag verify(Path root) throws IOException {
    try (BagVerifier verifier = new BagVerifier()) {
      Bag bag = new BagReader().read(root);
      verifier.isComplete(bag, false);
      verifier.isValid(bag, false);
      return bag;
    } catch (IOException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Bag verification was interrupted", e);
    } catch (Exception e) {
      throw new IOException("The bag at " + root + " is not complete and valid: " + e, e);
    }
  }

  /**
   * Writes the bag as a ZIP whose entries sit under {@code folder}/, each file copied as a stream.
   */
  static void zip(Path root, String folder, OutputStream target) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(target);
    addToZip(root, folder, zip);
    zip.finish();
    zip.flush();
  }

  /**
   * Adds the bag's files to an open ZIP under {@code folder}/ (a bulk export puts many bags in one
   * ZIP).
   */
  static long addToZip(Path root, String folder, ZipOutputStream zip) throws IOException {
    long bytes = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name = folder + "/" + root.relativize(file).toString().replace('\\', '/');
      zip.putNextEntry(new ZipEntry(name));
      bytes += Files.copy(file, zip);
      zip.closeEntry();
    }
    return bytes;
  }

  /** Copies {@code in} to a new file {@code target} and returns the SHA-256 of the bytes copied. */
  static String copyHashing(InputStream in, Path target) throws IOException {
    try (DigestInputStream hashing = new DigestInputStream(in, sha256())) {
      Files.copy(hashing, target);
      return HexFormat.of().formatHex(hashing.getMessageDigest().digest());
    }
  }

  static String sha256Of(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Removes a working directory and everything in it; quietly, as it runs in cleanup paths. */
  static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // a leftover is removed by the next start-up sweep
                }
              });
    } catch (IOException ignored) {
      // as above
    }
  }
}
