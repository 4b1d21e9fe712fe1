package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.shared.ClusterLeases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The replica's catch-up holds its cluster lease for {@code parvandeh.cluster.lease-time}, so a
 * node killed in the middle of a catch-up holds up the replica only that long: the lease is taken
 * before the first pass, renewed after each pass that copied something, and given up at the end.
 */
class ReplicaCatchUpLeaseTests {

  private static final Duration LEASE_TIME = Duration.ofSeconds(20);

  private final ContentCopies copies = mock(ContentCopies.class);
  private final ClusterLeases leases = mock(ClusterLeases.class);
  private final ReplicaCatchUp catchUp = new ReplicaCatchUp(copies, leases, LEASE_TIME);

  @Test
  void theLeaseIsTakenForTheClusterLeaseTimeAndRenewedAfterEachPassThatCopied() {
    when(leases.tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(true);
    when(copies.catchUp()).thenReturn(200, 200, 17, 0);

    catchUp.run();

    InOrder order = inOrder(leases, copies);
    order.verify(leases).tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME);
    for (int pass = 0; pass < 3; pass++) {
      order.verify(copies).catchUp();
      order.verify(leases).tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME);
    }
    order.verify(copies).catchUp();
    order.verify(leases).release(ReplicaCatchUp.LEASE);
    order.verifyNoMoreInteractions();
  }

  @Test
  void aNodeThatCannotTakeTheLeaseCopiesNothing() {
    when(leases.tryAcquire(any(), any())).thenReturn(false);

    catchUp.run();

    verify(copies, never()).catchUp();
    verify(leases, never()).release(any());
  }

  @Test
  void aPassThatFailsStillGivesTheLeaseUp() {
    when(leases.tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(true);
    when(copies.catchUp()).thenThrow(new IllegalStateException("the database went away"));

    // the scheduler logs it; the lease must not wait for its expiry
    assertThatThrownBy(catchUp::run).isInstanceOf(IllegalStateException.class);

    verify(leases).release(ReplicaCatchUp.LEASE);
  }
}
