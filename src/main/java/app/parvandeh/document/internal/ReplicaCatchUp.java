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
 * lease drains the backlog, renewing the lease after each pass. The lease lasts {@code
 * parvandeh.cluster.lease-time}, as the imports' do, so the catch-up of a node that died halfway is
 * taken over that soon after its last pass; should a pass outlast the lease, a second node copying
 * the same items does no harm (each copy is checked and skipped once the replica has it).
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
      while (copies.catchUp() > 0 && leases.tryAcquire(LEASE, leaseTime)) {
        // drain in batches until a pass copies nothing (done, or only items waiting for their
        // retry)
      }
    } finally {
      leases.release(LEASE);
    }
  }
}
