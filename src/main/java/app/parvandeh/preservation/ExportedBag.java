package app.parvandeh.preservation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;

/**
 * A verified bag of one student's file, waiting on disk to be sent as a ZIP. Close it
 * (try-with-resources) to delete the working directory, whether or not it was sent.
 */
public final class ExportedBag implements AutoCloseable {

  private final Path workDirectory;
  private final Path bagRoot;
  private final String bagName;
  private final String manifestSha256;
  private final FileManifest.Counts counts;

  ExportedBag(
      Path workDirectory,
      Path bagRoot,
      String bagName,
      String manifestSha256,
      FileManifest.Counts counts) {
    this.workDirectory = workDirectory;
    this.bagRoot = bagRoot;
    this.bagName = bagName;
    this.manifestSha256 = manifestSha256;
    this.counts = counts;
  }

  /** The download's file name, e.g. {@code parvandeh-4021100001-bag.zip}. */
  public String zipFileName() {
    return bagName + ".zip";
  }

  /**
   * SHA-256 of the bag's payload manifest: names this exact content (also recorded in the audit
   * trail).
   */
  public String manifestSha256() {
    return manifestSha256;
  }

  public int versionCount() {
    return counts.versions();
  }

  /**
   * Streams the bag as a ZIP (one top folder named after the bag); the caller closes {@code
   * target}.
   */
  public void writeZip(OutputStream target) throws IOException {
    Bags.zip(bagRoot, bagName, target);
  }

  /**
   * Adds the bag to a ZIP of many bags (its folder named after the bag); returns the bytes added.
   */
  long addTo(ZipOutputStream zip) throws IOException {
    return Bags.addToZip(bagRoot, bagName, zip);
  }

  @Override
  public void close() {
    Bags.deleteQuietly(workDirectory);
  }
}
