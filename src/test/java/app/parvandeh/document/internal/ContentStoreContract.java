package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.ContentCopies.State;
import app.parvandeh.document.ContentDamaged;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.ContentStore.DamagedContentException;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.document.StagedContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every kind of blob store promises, run against each kind: a directory and a real S3 server.
 * A subclass makes a fresh, empty store per test and knows how to damage a stored blob behind the
 * store's back.
 */
abstract class ContentStoreContract {

  /** A fresh, empty store. */
  abstract BlobStore store() throws Exception;

  /**
   * Overwrites the stored blob with other bytes, as a failing disk or an operator's mistake would.
   */
  abstract void overwriteBehindTheStoresBack(String sha256, byte[] bytes) throws Exception;

  /** Staging files still left in the store's local staging folder. */
  abstract long stagingFilesLeft() throws Exception;

  @Test
  void bytesPutAreReadBackUnderTheirSha256() throws Exception {
    BlobStore store = store();
    byte[] bytes = "کارنامه کارشناسی".getBytes(StandardCharsets.UTF_8);
    StagedContent staged = store.stage(new ByteArrayInputStream(bytes), 1024);
    assertThat(staged.sha256()).isEqualTo(sha256(bytes));
    assertThat(staged.sizeBytes()).isEqualTo(bytes.length);
    assertThat(store.contains(staged.sha256())).isFalse();

    store.commit(staged);

    assertThat(store.contains(staged.sha256())).isTrue();
    try (InputStream in = store.open(staged.sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(store.check(staged.sha256(), ReadThrottle.UNLIMITED)).isEqualTo(State.OK);
    assertThat(stagingFilesLeft()).isZero();
  }

  @Test
  void theSameBytesStoredTwiceAreOneBlob() throws Exception {
    BlobStore store = store();
    byte[] bytes = {1, 2, 3, 4};
    store.commit(store.stage(new ByteArrayInputStream(bytes), 10));
    store.commit(store.stage(new ByteArrayInputStream(bytes), 10));
    store.commit(store.stage(new ByteArrayInputStream(new byte[] {5}), 10));

    assertThat(addresses(store)).containsExactlyInAnyOrder(sha256(bytes), sha256(new byte[] {5}));
  }

  @Test
  void aMissingBlobIsMissingNotEmpty() throws Exception {
    BlobStore store = store();
    String absent = sha256("never stored".getBytes(StandardCharsets.UTF_8));
    assertThat(store.contains(absent)).isFalse();
    assertThat(store.check(absent, ReadThrottle.UNLIMITED)).isEqualTo(State.MISSING);
    assertThatThrownBy(() -> store.open(absent).close()).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aBlobChangedInTheStoreIsFoundOnReadAndNeverServed() throws Exception {
    BlobStore store = store();
    byte[] bytes = "گواهی اشتغال به تحصیل".getBytes(StandardCharsets.UTF_8);
    StagedContent staged = store.stage(new ByteArrayInputStream(bytes), 1024);
    store.commit(staged);
    byte[] damaged = bytes.clone();
    damaged[2] ^= 0x01;
    overwriteBehindTheStoresBack(staged.sha256(), damaged);

    assertThat(store.check(staged.sha256(), ReadThrottle.UNLIMITED)).isEqualTo(State.CHANGED);
    List<Object> published = new ArrayList<>();
    ReplicatedContentStore verified =
        new ReplicatedContentStore(store, null, null, published::add, Clock.systemUTC());
    assertThatThrownBy(() -> verified.open(staged.sha256()))
        .isInstanceOf(DamagedContentException.class);
    assertThat(published)
        .containsExactly(new ContentDamaged(staged.sha256(), Copy.PRIMARY, State.CHANGED, false));
  }

  @Test
  void aBlobDamagedInOneCopyIsRepairedFromTheOther() throws Exception {
    BlobStore primary = store();
    BlobStore replica = store();
    byte[] bytes = "diploma".getBytes(StandardCharsets.UTF_8);
    StagedContent toPrimary = primary.stage(new ByteArrayInputStream(bytes), 1024);
    primary.commit(toPrimary);
    replica.commit(replica.stage(new ByteArrayInputStream(bytes), 1024));
    overwriteBehindTheStoresBack(toPrimary.sha256(), new byte[] {0});

    ReplicatedContentStore both =
        new ReplicatedContentStore(primary, replica, null, event -> {}, Clock.systemUTC());
    try (InputStream in = both.open(toPrimary.sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(primary.check(toPrimary.sha256(), ReadThrottle.UNLIMITED)).isEqualTo(State.OK);
  }

  @Test
  void anUploadBrokenOffWhileStagingLeavesNothingVisible() throws Exception {
    BlobStore store = store();
    InputStream breaksOff =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (sent++ == 70_000) {
              throw new IOException("connection reset by the student's browser");
            }
            return 'x';
          }
        };
    assertThatThrownBy(() -> store.stage(breaksOff, 1_000_000)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[101]), 100))
        .isInstanceOf(ContentStore.ContentTooLargeException.class);
    store.discard(store.stage(new ByteArrayInputStream(new byte[] {7}), 10));

    assertThat(addresses(store)).isEmpty();
    assertThat(stagingFilesLeft()).isZero();
  }

  @Test
  void theAuditListsEveryAddressOlderThanTheCutOffAndTheSweeperDeletes() throws Exception {
    BlobStore store = store();
    StagedContent one = store.stage(new ByteArrayInputStream(new byte[] {4, 2}), 10);
    StagedContent two = store.stage(new ByteArrayInputStream(new byte[] {4, 3}), 10);
    store.commit(one);
    store.commit(two);

    List<String> old = new ArrayList<>();
    store.forEachAddress(Instant.now().minusSeconds(3600), old::add);
    assertThat(old).isEmpty();
    assertThat(addresses(store)).containsExactlyInAnyOrder(one.sha256(), two.sha256());

    store.delete(one.sha256());
    assertThat(store.contains(one.sha256())).isFalse();
    List<String> swept = new ArrayList<>();
    store.forEachStored(Instant.now().plusSeconds(5), swept::add);
    assertThat(swept).containsExactly(two.sha256());
  }

  @Test
  void aNameThatIsNotAContentAddressIsRefused() throws Exception {
    BlobStore store = store();
    assertThatThrownBy(() -> store.open("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete("AB")).isInstanceOf(IllegalArgumentException.class);
  }

  static List<String> addresses(BlobStore store) throws IOException {
    List<String> all = new ArrayList<>();
    store.forEachAddress(Instant.now().plusSeconds(5), all::add);
    return all;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
