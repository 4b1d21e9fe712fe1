package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.ContentCopies.State;
import app.parvandeh.document.ContentDamaged;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.document.StagedContent;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The content store the application uses: a primary and, when configured, a replica (each a
 * directory or an S3 bucket; the replica meant for another disk or place). Writes are acknowledged
 * once the primary is durable; the replica catches up from {@link ReplicaBacklog}. Every read is
 * verified before a byte is sent: the blob is hashed once, then streamed and hashed again (a 64 KB
 * buffer, no temporary copy: blobs are at most the upload limit, so on a directory the second read
 * comes from the page cache; on S3 it is a second GET). A bad primary is rewritten from a good
 * replica and the reader gets the good bytes; a blob bad in every copy is refused. Each bad copy
 * found is published as {@link ContentDamaged}.
 */
class ReplicatedContentStore implements ContentStore, ContentCopies {

  private static final Logger log = LoggerFactory.getLogger(ReplicatedContentStore.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofHours(1);

  private final BlobStore primary;
  private final BlobStore replica;
  private final ReplicaBacklog backlog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /** {@code replica} may be null: one copy only, reads still verified. */
  ReplicatedContentStore(
      BlobStore primary,
      BlobStore replica,
      ReplicaBacklog backlog,
      ApplicationEventPublisher events,
      Clock clock) {
    this.primary = primary;
    this.replica = replica;
    this.backlog = backlog;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public StagedContent stage(InputStream content, long maxBytes) throws IOException {
    return primary.stage(content, maxBytes);
  }

  /** Commits to the primary and queues the replica's copy in the caller's transaction. */
  @Override
  public void commit(StagedContent staged) throws IOException {
    primary.commit(staged);
    if (replica != null) {
      backlog.enqueue(staged.sha256(), Instant.now(clock));
    }
  }

  @Override
  public void discard(StagedContent staged) {
    primary.discard(staged);
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    State state = primary.check(sha256, ReadThrottle.UNLIMITED);
    if (state == State.OK) {
      return verified(primary.open(sha256), sha256);
    }
    if (replica != null) {
      State replicaState = replica.check(sha256, ReadThrottle.UNLIMITED);
      if (replicaState == State.OK) {
        boolean repaired = tryRepair(Copy.PRIMARY, sha256);
        damaged(sha256, Copy.PRIMARY, state, repaired);
        return verified((repaired ? primary : replica).open(sha256), sha256);
      }
      damaged(sha256, Copy.REPLICA, replicaState, false);
    }
    damaged(sha256, Copy.PRIMARY, state, false);
    throw new DamagedContentException(sha256);
  }

  @Override
  public boolean contains(String sha256) {
    return primary.contains(sha256) || (replica != null && replica.contains(sha256));
  }

  /**
   * Both copies' addresses, each once, so the sweeper also finds what only the replica still holds.
   */
  @Override
  public void forEachStored(Instant olderThan, Consumer<String> visitor) throws IOException {
    Set<String> seen = new HashSet<>();
    primary.forEachStored(
        olderThan,
        sha -> {
          seen.add(sha);
          visitor.accept(sha);
        });
    if (replica != null) {
      replica.forEachStored(
          olderThan,
          sha -> {
            if (!seen.contains(sha)) {
              visitor.accept(sha);
            }
          });
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    primary.delete(sha256);
    if (replica != null) {
      replica.delete(sha256);
    }
    backlog.forget(sha256);
  }

  @Override
  public List<Copy> copies() {
    return replica == null ? List.of(Copy.PRIMARY) : List.of(Copy.PRIMARY, Copy.REPLICA);
  }

  @Override
  public State check(Copy copy, String sha256, ReadThrottle throttle) throws IOException {
    return store(copy).check(sha256, throttle);
  }

  @Override
  public boolean repair(Copy damaged, String sha256) throws IOException {
    if (replica == null) {
      return false;
    }
    Copy source = damaged == Copy.PRIMARY ? Copy.REPLICA : Copy.PRIMARY;
    boolean copied = copy(store(source), store(damaged), sha256);
    if (copied) {
      log.warn(
          "Fixity repair: {} copy of {} rewritten from the verified {} copy",
          damaged,
          sha256,
          source);
      if (damaged == Copy.REPLICA) {
        backlog.forget(sha256);
      }
    }
    return copied;
  }

  @Override
  public boolean awaitingReplica(String sha256) {
    return replica != null && backlog.contains(sha256);
  }

  /**
   * Copies through the target's own temporary folder, hashing as it goes; only the exact bytes are
   * put in place.
   */
  private static boolean copy(BlobStore source, BlobStore target, String sha256)
      throws IOException {
    if (!source.contains(sha256)) {
      return false;
    }
    StagedContent staged;
    try (InputStream in = source.open(sha256)) {
      staged = target.stage(in, Long.MAX_VALUE);
    }
    if (!staged.sha256().equals(sha256)) {
      target.discard(staged);
      return false;
    }
    target.replace(staged);
    return true;
  }

  @Override
  public void forEachAddress(Copy copy, Instant olderThan, Consumer<String> visitor)
      throws IOException {
    store(copy).forEachAddress(olderThan, visitor);
  }

  @Override
  public BacklogStatus backlog() {
    return backlog.status(replica != null);
  }

  @Override
  public int catchUp(BooleanSupplier goOn) {
    if (replica == null) {
      return 0;
    }
    int copied = 0;
    Instant now = Instant.now(clock);
    for (ReplicaBacklog.Item item : backlog.due(now, 200)) {
      if (!goOn.getAsBoolean()) {
        break;
      }
      try {
        if (replica.check(item.sha256(), ReadThrottle.UNLIMITED) == State.OK
            || copy(primary, replica, item.sha256())) {
          backlog.done(item.id());
          copied++;
        } else {
          retryLater(item, "the primary copy is missing or changed", now);
        }
      } catch (IOException | RuntimeException e) {
        retryLater(item, e.toString(), now);
      }
    }
    return copied;
  }

  private void retryLater(ReplicaBacklog.Item item, String error, Instant now) {
    Duration wait = Duration.ofSeconds(10).multipliedBy(1L << Math.min(item.attempts(), 10));
    log.warn(
        "Replica catch-up of {} failed (attempt {}): {}",
        item.sha256(),
        item.attempts() + 1,
        error);
    backlog.retryLater(
        item, error, now.plus(wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait));
  }

  private boolean tryRepair(Copy damaged, String sha256) {
    try {
      return repair(damaged, sha256);
    } catch (IOException e) {
      log.error("Could not rewrite the {} copy of {}: {}", damaged, sha256, e.toString());
      return false;
    }
  }

  private void damaged(String sha256, Copy copy, State state, boolean repaired) {
    log.error(
        "Fixity failure on read: {} copy of {} is {}{}",
        copy,
        sha256,
        state,
        repaired ? "; rewritten from the other copy" : "");
    events.publishEvent(new ContentDamaged(sha256, copy, state, repaired));
  }

  private BlobStore store(Copy copy) {
    if (copy == Copy.REPLICA && replica == null) {
      throw new IllegalStateException("No replica store is configured");
    }
    return copy == Copy.PRIMARY ? primary : replica;
  }

  /**
   * Hashes the bytes again as they are sent: should they change between the check and the send, the
   * stream fails at its end instead of finishing as if all were well (the answer is then cut off,
   * not completed).
   */
  private static InputStream verified(InputStream in, String sha256) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return new FilterInputStream(new DigestInputStream(in, digest)) {
      private boolean checked;

      @Override
      public int read() throws IOException {
        int b = super.read();
        return b == -1 ? atEnd(b) : b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        return n == -1 ? atEnd(n) : n;
      }

      /** Skipped bytes are read, so the hash still covers them. */
      @Override
      public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
          int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
          if (read == -1) {
            break;
          }
          skipped += read;
        }
        return skipped;
      }

      private int atEnd(int eof) throws IOException {
        if (!checked) {
          checked = true;
          if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new IOException("Fixity failure: " + sha256 + " changed while it was being sent");
          }
        }
        return eof;
      }
    };
  }
}
