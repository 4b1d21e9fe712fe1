package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.shared.ClusterLeases;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the replica's catch-up in the background ({@code
 * parvandeh.documents.replica-catch-up-delay}), on one node at a time: the node that takes the
 * lease drains the backlog.
 */
@Component
class ReplicaCatchUp {

  static final String LEASE = "replica-catch-up";
  private static final Duration LEASE_TIME = Duration.ofMinutes(5);

  private final ContentCopies copies;
  private final ClusterLeases leases;

  ReplicaCatchUp(ContentCopies copies, ClusterLeases leases) {
    this.copies = copies;
    this.leases = leases;
  }

  @Scheduled(
      initialDelayString = "${parvandeh.documents.replica-catch-up-delay:PT10S}",
      fixedDelayString = "${parvandeh.documents.replica-catch-up-delay:PT10S}")
  void run() {
    if (!leases.tryAcquire(LEASE, LEASE_TIME)) {
      return;
    }
    try {
      while (copies.catchUp() > 0 && leases.tryAcquire(LEASE, LEASE_TIME)) {
        // drain in batches until a pass copies nothing (done, or only items waiting for their
        // retry)
      }
    } finally {
      leases.release(LEASE);
    }
  }
}
