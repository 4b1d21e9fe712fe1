package app.parvandeh.document;

/**
 * Keeps a long re-read (the fixity audit) below a byte rate, so clerks' downloads keep the disk.
 * Not thread-safe: one throttle per reader.
 */
public final class ReadThrottle {

  public static final ReadThrottle UNLIMITED = new ReadThrottle(0);

  private final long bytesPerSecond;
  private final long startedNanos = System.nanoTime();
  private long bytes;

  /** {@code bytesPerSecond <= 0} means no limit. */
  public ReadThrottle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Records bytes just read and sleeps until the average rate is back under the limit. */
  public void read(int count) {
    if (this == UNLIMITED) {
      return;
    }
    bytes += count;
    if (bytesPerSecond <= 0) {
      return;
    }
    long dueNanos = bytes * 1_000_000_000L / bytesPerSecond;
    long aheadNanos = dueNanos - (System.nanoTime() - startedNanos);
    if (aheadNanos > 1_000_000) {
      try {
        Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Bytes read under this throttle so far (not counted for the shared {@link #UNLIMITED}). */
  public long bytesRead() {
    return bytes;
  }
}
