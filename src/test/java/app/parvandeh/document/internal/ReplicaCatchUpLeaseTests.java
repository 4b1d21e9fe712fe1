package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.shared.ClusterLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The replica's catch-up holds its cluster lease for {@code parvandeh.cluster.lease-time}, so a
 * node killed in the middle of a catch-up holds up the replica only that long: the lease is taken
 * before the first pass, kept alive between items by its heartbeat, and given up at the end; a node
 * whose heartbeat finds the lease taken over stops before its next item.
 */
class ReplicaCatchUpLeaseTests {

  private static final Duration LEASE_TIME = Duration.ofSeconds(20);

  private final ClusterLeases leases = mock(ClusterLeases.class);
  private final ClusterLeases.Heartbeat heartbeat = mock(ClusterLeases.Heartbeat.class);

  /** Copies stand-in: a backlog of items, a pass takes up to {@code pass} of them. */
  private static final class Backlog implements ContentCopies {
    int waiting;
    final int pass;
    final List<Integer> passes = new ArrayList<>();

    Backlog(int waiting, int pass) {
      this.waiting = waiting;
      this.pass = pass;
    }

    @Override
    public int catchUp(BooleanSupplier goOn) {
      int copied = 0;
      while (copied < pass && waiting > 0 && goOn.getAsBoolean()) {
        waiting--;
        copied++;
      }
      passes.add(copied);
      return copied;
    }

    @Override
    public List<Copy> copies() {
      throw new UnsupportedOperationException();
    }

    @Override
    public State check(Copy copy, String sha256, ReadThrottle throttle) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean repair(Copy damaged, String sha256) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void forEachAddress(Copy copy, Instant olderThan, Consumer<String> visitor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean awaitingReplica(String sha256) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BacklogStatus backlog() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void theLeaseIsTakenForTheClusterLeaseTimeKeptAliveBetweenItemsAndGivenUpWhenTheBacklogIsEmpty() {
    Backlog copies = new Backlog(417, 200);
    when(leases.tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(true);
    when(leases.heartbeat(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(heartbeat);
    when(heartbeat.beat()).thenReturn(true);

    new ReplicaCatchUp(copies, leases, LEASE_TIME).run();

    assertThat(copies.passes).containsExactly(200, 200, 17, 0);
    assertThat(copies.waiting).isZero();
    // one beat before each item, one after each pass that copied
    verify(heartbeat, times(417 + 3)).beat();
    verify(leases).release(ReplicaCatchUp.LEASE);
  }

  @Test
  void aNodeWhoseLeaseWasTakenOverStopsBeforeItsNextItem() {
    Backlog copies = new Backlog(417, 200);
    when(leases.tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(true);
    when(leases.heartbeat(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(heartbeat);
    Boolean[] then = new Boolean[60];
    Arrays.fill(then, true);
    then[59] = false;
    when(heartbeat.beat()).thenReturn(true, then).thenReturn(false);

    new ReplicaCatchUp(copies, leases, LEASE_TIME).run();

    assertThat(copies.passes).containsExactly(60);
    assertThat(copies.waiting).isEqualTo(417 - 60);
  }

  @Test
  void aNodeThatCannotTakeTheLeaseCopiesNothing() {
    Backlog copies = new Backlog(5, 200);
    when(leases.tryAcquire(any(), any())).thenReturn(false);

    new ReplicaCatchUp(copies, leases, LEASE_TIME).run();

    assertThat(copies.passes).isEmpty();
    verify(leases, never()).release(any());
  }

  @Test
  void aPassThatFailsStillGivesTheLeaseUp() {
    ContentCopies failing = mock(ContentCopies.class);
    when(leases.tryAcquire(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(true);
    when(leases.heartbeat(ReplicaCatchUp.LEASE, LEASE_TIME)).thenReturn(heartbeat);
    when(failing.catchUp(any())).thenThrow(new IllegalStateException("the database went away"));

    // the scheduler logs it; the lease must not wait for its expiry
    assertThatThrownBy(new ReplicaCatchUp(failing, leases, LEASE_TIME)::run)
        .isInstanceOf(IllegalStateException.class);

    verify(leases).release(ReplicaCatchUp.LEASE);
  }
}
