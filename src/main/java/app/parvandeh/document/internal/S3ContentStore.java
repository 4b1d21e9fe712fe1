package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.document.StagedContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Content-addressed objects in an S3 bucket: {@code <prefix>ab/cd/abcd…}, for installs with several
 * nodes or a storage service. Uploads are staged and hashed in a local directory first (the content
 * checks read that file), then sent in one PUT that carries the bytes' MD5 (and SHA-256 if
 * configured): the service refuses bytes that do not match, and an S3 object is visible only once
 * its PUT has completed, so a broken or refused upload leaves nothing under the address. Blobs are
 * at most the upload limit, well under the 5 GB of one PUT, so no multipart upload is needed.
 */
class S3ContentStore implements BlobStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final boolean checksumSha256;
  private final FileSystemContentStore staging;

  /**
   * {@code stagingDir} is local and private to this node; {@code prefix} is empty or ends in '/'.
   */
  S3ContentStore(
      S3Client s3, String bucket, String prefix, boolean checksumSha256, Path stagingDir) {
    this.s3 = s3;
    this.checksumSha256 = checksumSha256;
    this.bucket = bucket;
    this.prefix =
        prefix == null || prefix.isBlank() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
    this.staging = new FileSystemContentStore(stagingDir);
  }

  @Override
  public StagedContent stage(InputStream content, long maxBytes) throws IOException {
    return staging.stage(content, maxBytes);
  }

  /**
   * The same bytes stored twice are one object; the second PUT refreshes its time for the sweeper's
   * grace.
   */
  @Override
  public void commit(StagedContent staged) throws IOException {
    replace(staged);
  }

  @Override
  public void replace(StagedContent staged) throws IOException {
    try {
      put(staged);
    } finally {
      staging.discard(staged);
    }
  }

  /**
   * Hashes the staged file again, SHA-256 and MD5 in one read: bytes that changed since staging are
   * refused here, and the MD5 sent lets the service refuse bytes changed on the way; so the object
   * holds its address's bytes.
   */
  private void put(StagedContent staged) throws IOException {
    MessageDigest sha256 = ContentHashes.sha256();
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(staged.tempFile())) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) != -1) {
        sha256.update(buffer, 0, read);
        md5.update(buffer, 0, read);
      }
    }
    if (!HexFormat.of().formatHex(sha256.digest()).equals(staged.sha256())) {
      throw new IOException(
          "Staged bytes of " + staged.sha256() + " changed before they were stored");
    }
    String contentMd5 = Base64.getEncoder().encodeToString(md5.digest());
    try {
      s3.putObject(
          b -> {
            b.bucket(bucket)
                .key(keyOf(staged.sha256()))
                .contentLength(staged.sizeBytes())
                .contentMD5(contentMd5);
            if (checksumSha256) {
              b.checksumSHA256(
                  Base64.getEncoder().encodeToString(HexFormat.of().parseHex(staged.sha256())));
            }
          },
          RequestBody.fromFile(staged.tempFile()));
    } catch (SdkException e) {
      throw new IOException(
          "Could not store " + staged.sha256() + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void discard(StagedContent staged) {
    staging.discard(staged);
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(keyOf(sha256)));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new NoSuchFileException(keyOf(sha256));
      }
      throw new IOException(
          "Could not read " + sha256 + " from bucket " + bucket + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException(
          "Could not read " + sha256 + " from bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ContentCopies.State check(String sha256, ReadThrottle throttle) throws IOException {
    try (InputStream in = open(sha256)) {
      return ContentHashes.sha256Of(in, throttle).equals(sha256)
          ? ContentCopies.State.OK
          : ContentCopies.State.CHANGED;
    } catch (NoSuchFileException e) {
      return ContentCopies.State.MISSING;
    }
  }

  @Override
  public boolean contains(String sha256) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(keyOf(sha256)));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Also removes this node's stale staging files, as the directory store's sweep does. */
  @Override
  public void forEachStored(Instant olderThan, Consumer<String> visitor) throws IOException {
    forEachAddress(olderThan, visitor);
    staging.forEachStored(olderThan, sha256 -> {});
  }

  @Override
  public void forEachAddress(Instant olderThan, Consumer<String> visitor) throws IOException {
    try {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        String sha256 = object.key().substring(object.key().lastIndexOf('/') + 1);
        if (SHA256.matcher(sha256).matches()
            && object.key().equals(keyOf(sha256))
            && object.lastModified().isBefore(olderThan)) {
          visitor.accept(sha256);
        }
      }
    } catch (SdkException e) {
      throw new IOException("Could not list bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(keyOf(sha256)));
    } catch (SdkException e) {
      throw new IOException(
          "Could not delete " + sha256 + " from bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  String keyOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("Not a SHA-256 content address");
    }
    return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  /** For messages: where this store is. */
  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix;
  }
}
