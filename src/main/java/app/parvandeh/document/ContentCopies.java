package app.parvandeh.document;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The copies every blob is kept in (a primary store, and a replica store when one is configured),
 * for the fixity audit: check one copy's bytes against their address, rewrite a bad copy from the
 * good one, see the replica's backlog. Reads through {@link ContentStore#open} already verify and
 * repair on their own.
 */
public interface ContentCopies {

  enum Copy {
    PRIMARY("اصلی"),
    REPLICA("پشتیبان");

    private final String labelFa;

    Copy(String labelFa) {
      this.labelFa = labelFa;
    }

    /** What the pages call it (GET /api/labels). */
    public String labelFa() {
      return labelFa;
    }
  }

  /** What one copy of a blob holds: the bytes of its address, other bytes, or nothing. */
  enum State {
    OK,
    CHANGED,
    MISSING
  }

  /** The copies kept: the primary, then the replica if it is enabled. */
  List<Copy> copies();

  /**
   * Re-reads one copy (at most as fast as the throttle allows) and compares its SHA-256 with its
   * address.
   */
  State check(Copy copy, String sha256, ReadThrottle throttle) throws IOException;

  /**
   * Rewrites the {@code damaged} copy from the other one, verifying the other's bytes against the
   * address while copying; {@code false} (and nothing changed) when the other copy is not good
   * either or there is none.
   */
  boolean repair(Copy damaged, String sha256) throws IOException;

  /**
   * Visits every address stored in one copy last written before {@code olderThan}; no side effects.
   */
  void forEachAddress(Copy copy, Instant olderThan, Consumer<String> visitor) throws IOException;

  /**
   * Whether the blob is still queued for the replica (then its absence there is a copy pending, not
   * a loss).
   */
  boolean awaitingReplica(String sha256);

  /** Blobs the replica still lacks: how many, and since when the oldest has waited. */
  BacklogStatus backlog();

  /**
   * Copies waiting blobs to the replica, a pass of at most a few hundred; an item leaves the
   * backlog only once the replica holds its exact bytes. Answers how many were copied.
   */
  default int catchUp() {
    return catchUp(() -> true);
  }

  /**
   * As {@link #catchUp()}, asking {@code goOn} before each item and ending the pass when it answers
   * {@code false} (the node lost its lease).
   */
  int catchUp(BooleanSupplier goOn);

  record BacklogStatus(boolean replicaEnabled, long items, Instant oldestEnqueuedAt) {}
}
