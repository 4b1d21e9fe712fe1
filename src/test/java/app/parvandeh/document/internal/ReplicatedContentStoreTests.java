package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.ContentCopies.State;
import app.parvandeh.document.ContentDamaged;
import app.parvandeh.document.ContentStore.DamagedContentException;
import app.parvandeh.document.StagedContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With one copy only (no replica configured), reads still verify: damaged bytes are refused, not
 * served.
 */
class ReplicatedContentStoreTests {

  @TempDir Path dir;

  final List<Object> published = new ArrayList<>();

  @Test
  void withoutAReplicaAFlippedByteIsRefusedAndPublished() throws IOException {
    FileSystemContentStore primary = new FileSystemContentStore(dir);
    ReplicatedContentStore store =
        new ReplicatedContentStore(primary, null, null, published::add, Clock.systemUTC());
    byte[] bytes = "a scanned diploma".getBytes(StandardCharsets.UTF_8);
    StagedContent staged = store.stage(new ByteArrayInputStream(bytes), 1000);
    store.commit(staged);
    try (InputStream in = store.open(staged.sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    Path file = primary.pathOf(staged.sha256());
    byte[] damaged = bytes.clone();
    damaged[3] ^= 0x01;
    Files.write(file, damaged);

    assertThatThrownBy(() -> store.open(staged.sha256()))
        .isInstanceOf(DamagedContentException.class);
    assertThat(published)
        .containsExactly(new ContentDamaged(staged.sha256(), Copy.PRIMARY, State.CHANGED, false));
    assertThat(store.repair(Copy.PRIMARY, staged.sha256())).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
  }

  @Test
  void bytesChangedBetweenTheCheckAndTheSendFailTheStreamAtItsEnd() throws IOException {
    FileSystemContentStore primary = new FileSystemContentStore(dir);
    ReplicatedContentStore store =
        new ReplicatedContentStore(primary, null, null, published::add, Clock.systemUTC());
    byte[] bytes = "an enrollment certificate".getBytes(StandardCharsets.UTF_8);
    StagedContent staged = store.stage(new ByteArrayInputStream(bytes), 1000);
    store.commit(staged);
    InputStream in = store.open(staged.sha256());
    byte[] damaged = bytes.clone();
    damaged[0] ^= 0x01;
    Files.write(primary.pathOf(staged.sha256()), damaged);

    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Fixity failure");
    in.close();
  }
}
