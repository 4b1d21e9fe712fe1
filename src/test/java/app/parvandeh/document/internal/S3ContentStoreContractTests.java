package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.StagedContent;
import app.parvandeh.support.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The blob store contract on a real S3 server (S3Proxy on loopback, signature v4), through the
 * store built from configuration as the application builds it; plus what only an S3 store must
 * show: the service checks each PUT's digest (Content-MD5: S3Proxy does not implement the
 * x-amz-checksum-sha256 header, so {@code checksum-sha256} is off here), and a PUT that breaks off
 * leaves no object.
 */
class S3ContentStoreContractTests extends ContentStoreContract {

  @TempDir static Path serverDir;

  static S3Server server;
  static S3Client raw;
  static int buckets;

  @TempDir Path staging;

  private String firstBucket;
  private S3ContentStore last;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.start(serverDir);
    raw = server.client();
  }

  @AfterAll
  static void stopServer() throws Exception {
    raw.close();
    server.close();
  }

  @Override
  BlobStore store() {
    String bucket = "contract-" + ++buckets;
    server.createBucket(bucket);
    if (firstBucket == null) {
      firstBucket = bucket;
    }
    last =
        DocumentConfiguration.s3Store(
            new DocumentProperties.S3(
                server.endpoint(),
                bucket,
                S3Server.REGION,
                S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY,
                true,
                "blobs",
                false),
            staging.resolve(bucket));
    return last;
  }

  @Override
  void overwriteBehindTheStoresBack(String sha256, byte[] bytes) {
    raw.putObject(b -> b.bucket(firstBucket).key(last.keyOf(sha256)), RequestBody.fromBytes(bytes));
  }

  @Override
  long stagingFilesLeft() throws IOException {
    try (Stream<Path> files = Files.list(staging.resolve("contract-" + buckets).resolve("tmp"))) {
      return files.count();
    }
  }

  @Test
  void objectsAreKeptUnderThePrefixInFoldersOfTheAddress() throws Exception {
    S3ContentStore store = (S3ContentStore) store();
    StagedContent staged = store.stage(new ByteArrayInputStream(new byte[] {8}), 10);
    store.commit(staged);
    String sha = staged.sha256();
    // (the filesystem backend also lists its folders as keys ending in '/'; the store skips those)
    assertThat(raw.listObjectsV2(b -> b.bucket(firstBucket)).contents())
        .extracting(o -> o.key())
        .filteredOn(key -> !key.endsWith("/"))
        .containsExactly("blobs/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
  }

  @Test
  void bytesChangedAfterStagingAreRefusedAndNothingIsStored() throws Exception {
    BlobStore store = store();
    StagedContent staged = store.stage(new ByteArrayInputStream("transcript".getBytes()), 100);
    Files.write(staged.tempFile(), "transcripT".getBytes());

    assertThatThrownBy(() -> store.commit(staged))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed");
    assertThat(store.contains(staged.sha256())).isFalse();
    assertThat(addresses(store)).isEmpty();
    assertThat(stagingFilesLeft()).isZero();
  }

  /**
   * What the store relies on for bytes changed on the way: the service checks Content-MD5 before it
   * stores.
   */
  @Test
  void aPutWhoseBytesDoNotMatchItsContentMd5IsRefusedByTheService() throws Exception {
    S3ContentStore store = (S3ContentStore) store();
    byte[] sent = "transcripT".getBytes();
    String sha = sha256("transcript".getBytes());
    String md5OfIntended =
        java.util.Base64.getEncoder()
            .encodeToString(
                java.security.MessageDigest.getInstance("MD5").digest("transcript".getBytes()));

    assertThatThrownBy(
            () ->
                raw.putObject(
                    b -> b.bucket(firstBucket).key(store.keyOf(sha)).contentMD5(md5OfIntended),
                    RequestBody.fromBytes(sent)))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(store.contains(sha)).isFalse();
  }

  @Test
  void aPutThatBreaksOffLeavesNoObjectUnderItsKey() throws Exception {
    S3ContentStore store = (S3ContentStore) store();
    byte[] bytes = new byte[256 * 1024];
    String sha = sha256(bytes);
    // A fresh stream for each of the SDK's retries; every one dies halfway.
    ContentStreamProvider diesHalfway =
        () ->
            new InputStream() {
              private int sent;

              @Override
              public int read() throws IOException {
                if (sent++ == bytes.length / 2) {
                  throw new IOException("the node died mid-upload");
                }
                return 0;
              }
            };
    assertThatThrownBy(
            () ->
                raw.putObject(
                    b -> b.bucket(firstBucket).key(store.keyOf(sha)),
                    RequestBody.fromContentProvider(
                        diesHalfway, bytes.length, "application/octet-stream")))
        .hasRootCauseMessage("the node died mid-upload");

    assertThat(store.contains(sha)).isFalse();
    assertThat(addresses(store)).isEmpty();
  }

  @Test
  void theEndpointAndBucketComeFromConfiguration() {
    assertThatThrownBy(
            () ->
                DocumentConfiguration.s3Store(
                    new DocumentProperties.S3(
                        URI.create("http://127.0.0.1:1"), "", null, null, null, true, null, false),
                    staging))
        .hasMessageContaining("bucket");
  }
}
