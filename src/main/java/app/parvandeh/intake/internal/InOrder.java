package app.parvandeh.intake.internal;

/**
 * Lets pieces done at the same time take one step in the order they were read: the attaching step
 * of archive entries, so when two entries hold the same bytes, the earlier one is attached and the
 * later one is the duplicate, whatever finished its checks first.
 */
final class InOrder {

  private long next;

  /**
   * Runs {@code step} once every earlier turn is over; the turn ends with it (or with {@link
   * #skip}).
   */
  synchronized void take(long turn, Runnable step) throws InterruptedException {
    while (next != turn) {
      wait();
    }
    try {
      step.run();
    } finally {
      next++;
      notifyAll();
    }
  }

  /**
   * Ends the turn if it has not ended yet (the entry had nothing to attach, or failed before its
   * step).
   */
  synchronized void release(long turn) throws InterruptedException {
    while (next < turn) {
      wait();
    }
    if (next == turn) {
      next++;
      notifyAll();
    }
  }
}
