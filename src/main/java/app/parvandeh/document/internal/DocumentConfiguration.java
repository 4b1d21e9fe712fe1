package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.tika.Tika;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
@EnableScheduling
class DocumentConfiguration {

  /**
   * One bean for both faces: the store every module reads and writes, and its copies for the fixity
   * audit.
   */
  @Bean
  ReplicatedContentStore contentStore(
      DocumentProperties properties,
      JdbcTemplate jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    BlobStore primary =
        properties.primaryKind() == DocumentProperties.Kind.S3
            ? s3Store(properties.primary().s3(), properties.storeDir())
            : new FileSystemContentStore(properties.storeDir());
    BlobStore replica;
    if (properties.replicaKind() == DocumentProperties.Kind.S3) {
      Path staging =
          blank(properties.replicaDir())
              ? properties.storeDir().resolve("replica-staging")
              : properties.replicaDir();
      replica = s3Store(properties.replica().s3(), staging);
    } else {
      replica =
          blank(properties.replicaDir())
              ? null
              : new FileSystemContentStore(properties.replicaDir());
    }
    return new ReplicatedContentStore(primary, replica, new ReplicaBacklog(jdbc), events, clock);
  }

  @Bean
  Tika tika() {
    return new Tika();
  }

  private static boolean blank(Path dir) {
    return dir == null || dir.toString().isBlank();
  }

  /**
   * The SDK adds no checksum of its own (some S3-compatible services refuse its chunked trailers);
   * the store sends Content-MD5 (and, if asked, the SHA-256) itself on every PUT and hashes every
   * read.
   */
  static S3ContentStore s3Store(DocumentProperties.S3 s3, Path stagingDir) {
    if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
      throw new IllegalStateException(
          "parvandeh.documents.*.s3.bucket is required for an S3 document store");
    }
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(ApacheHttpClient.builder())
            .region(
                Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region()))
            .forcePathStyle(s3.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(
                s3.accessKey() == null || s3.accessKey().isBlank()
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
    if (s3.endpoint() != null && !s3.endpoint().toString().isBlank()) {
      builder.endpointOverride(s3.endpoint());
    }
    return new S3ContentStore(
        builder.build(), s3.bucket(), s3.prefix(), s3.checksumSha256(), stagingDir);
  }
}
