package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacking exported ZIPs and checking the bags in them as a receiving archive would, with two
 * tools.
 */
final class BagChecks {

  private BagChecks() {}

  /** Unpacks a ZIP as a stream into {@code target}; no entry may point outside it. */
  static void unzip(InputStream zip, Path target) throws IOException {
    try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path file = target.resolve(entry.getName()).normalize();
        assertThat(file).startsWithRaw(target);
        Files.createDirectories(file.getParent());
        Files.copy(in, file);
      }
    }
  }

  /**
   * Complete and valid for the Library of Congress' verifier, and every payload line passes {@code
   * sha256sum -c}.
   */
  static Bag assertValid(Path root) throws Exception {
    Bag bag = new BagReader().read(root);
    try (BagVerifier verifier = new BagVerifier()) {
      verifier.isComplete(bag, false);
      verifier.isValid(bag, false);
    }
    Process check =
        new ProcessBuilder("sha256sum", "--strict", "--quiet", "-c", Bags.PAYLOAD_MANIFEST)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor())
        .as("sha256sum -c " + Bags.PAYLOAD_MANIFEST + " in " + root + ": " + output)
        .isZero();
    return bag;
  }
}
