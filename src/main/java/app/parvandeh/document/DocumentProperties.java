package app.parvandeh.document;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code parvandeh.documents.*}: where bytes are kept and how large one file may be. {@code
 * replicaDir} is the second copy's directory (another disk or place); unset, there is one copy
 * only. The replica catches up every {@code replicaCatchUpDelay}. {@code primary} and {@code
 * replica} choose each copy's kind: a directory (the default: {@code storeDir}, {@code replicaDir})
 * or an S3 bucket; an S3 copy still stages uploads in a local directory (the primary in {@code
 * storeDir}, the replica in {@code replicaDir}).
 */
@ConfigurationProperties("parvandeh.documents")
public record DocumentProperties(
    Path storeDir,
    DataSize maxFileSize,
    Path replicaDir,
    Duration replicaCatchUpDelay,
    Store primary,
    Store replica) {

  public enum Kind {
    FILESYSTEM,
    S3
  }

  /** {@code type}: {@code filesystem} or {@code s3}; {@code s3} is read only for the latter. */
  public record Store(Kind type, S3 s3) {}

  /**
   * One bucket: {@code endpoint} empty means AWS itself (by {@code region}); set it for MinIO,
   * Ceph, S3Proxy and the like, usually with {@code pathStyle}. Without an access key the SDK's
   * default chain is used (environment {@code AWS_ACCESS_KEY_ID}, instance roles…). {@code prefix}
   * puts the blobs under a folder of the bucket. Every PUT carries Content-MD5, which every S3
   * service verifies; {@code checksumSha256} also sends the SHA-256 (AWS and MinIO verify it;
   * S3Proxy answers 501 to it).
   */
  public record S3(
      URI endpoint,
      String bucket,
      String region,
      String accessKey,
      String secretKey,
      boolean pathStyle,
      String prefix,
      boolean checksumSha256) {}

  public Kind primaryKind() {
    return primary == null || primary.type() == null ? Kind.FILESYSTEM : primary.type();
  }

  public Kind replicaKind() {
    return replica == null || replica.type() == null ? Kind.FILESYSTEM : replica.type();
  }
}
