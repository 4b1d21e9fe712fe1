package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.shared.ClusterLeases;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the replica's catch-up in the background ({@code
 * parvandeh.documents.replica-catch-up-delay}), on one node at a time: the node that takes the
 * lease drains the backlog. The lease lasts {@code parvandeh.cluster.lease-time}, as the imports'
 * do, and is renewed between items once a third of it has passed, so the catch-up of a node that
 * died halfway is taken over that soon, and a live node copying large blobs keeps it however long
 * its pass takes. A node that finds its lease taken over stops before its next item.
 */
@Component
class ReplicaCatchUp {

  static final String LEASE = "replica-catch-up";

  private final ContentCopies copies;
  private final ClusterLeases leases;
  private final Duration leaseTime;

  ReplicaCatchUp(
      ContentCopies copies,
      ClusterLeases leases,
      @Value("${parvandeh.cluster.lease-time:PT2M}") Duration leaseTime) {
    this.copies = copies;
    this.leases = leases;
    this.leaseTime = leaseTime;
  }

  @Scheduled(
      initialDelayString = "${parvandeh.documents.replica-catch-up-delay:PT10S}",
      fixedDelayString = "${parvandeh.documents.replica-catch-up-delay:PT10S}")
  void run() {
    if (!leases.tryAcquire(LEASE, leaseTime)) {
      return;
    }
    try {
      ClusterLeases.Heartbeat lease = leases.heartbeat(LEASE, leaseTime);
      while (copies.catchUp(lease::beat) > 0 && lease.beat()) {
        // drain in passes until one copies nothing (done, or only items waiting for their retry)
      }
    } finally {
      leases.release(LEASE);
    }
  }
}
