package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.document.ContentStore;
import app.parvandeh.document.StagedContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemContentStoreTests {

  @TempDir Path root;

  @Test
  void contentIsAddressedByItsSha256AndReadBackUnchanged() throws Exception {
    FileSystemContentStore store = new FileSystemContentStore(root);
    byte[] bytes = "سند آزمایشی".getBytes(StandardCharsets.UTF_8);
    StagedContent staged = store.stage(new ByteArrayInputStream(bytes), 1024);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(staged.sha256()).isEqualTo(expected);
    assertThat(staged.sizeBytes()).isEqualTo(bytes.length);
    assertThat(store.contains(expected)).isFalse();

    store.commit(staged);
    assertThat(store.contains(expected)).isTrue();
    assertThat(Files.exists(staged.tempFile())).isFalse();
    try (InputStream in = store.open(expected)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(store.pathOf(expected))
        .isEqualTo(
            root.resolve(expected.substring(0, 2))
                .resolve(expected.substring(2, 4))
                .resolve(expected));
  }

  @Test
  void theSameBytesStoredTwiceAreKeptOnce() throws IOException {
    FileSystemContentStore store = new FileSystemContentStore(root);
    byte[] bytes = {1, 2, 3};
    store.commit(store.stage(new ByteArrayInputStream(bytes), 10));
    store.commit(store.stage(new ByteArrayInputStream(bytes), 10));
    assertThat(regularFiles()).hasSize(1);
  }

  @Test
  void contentOverTheLimitLeavesNothingBehind() {
    FileSystemContentStore store = new FileSystemContentStore(root);
    assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[101]), 100))
        .isInstanceOf(ContentStore.ContentTooLargeException.class);
    assertThat(regularFiles()).isEmpty();
  }

  @Test
  void discardedStagingLeavesNothingBehind() throws IOException {
    FileSystemContentStore store = new FileSystemContentStore(root);
    store.discard(store.stage(new ByteArrayInputStream(new byte[] {9}), 10));
    assertThat(regularFiles()).isEmpty();
  }

  @Test
  void onlyContentOlderThanTheCutOffIsVisited() throws IOException {
    FileSystemContentStore store = new FileSystemContentStore(root);
    StagedContent staged = store.stage(new ByteArrayInputStream(new byte[] {4, 2}), 10);
    store.commit(staged);
    List<String> visited = new ArrayList<>();
    store.forEachStored(Instant.now().minusSeconds(3600), visited::add);
    assertThat(visited).isEmpty();
    store.forEachStored(Instant.now().plusSeconds(5), visited::add);
    assertThat(visited).containsExactly(staged.sha256());
  }

  @Test
  void aNameThatIsNotAContentAddressIsRefused() {
    FileSystemContentStore store = new FileSystemContentStore(root);
    assertThatThrownBy(() -> store.open("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Path> regularFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
