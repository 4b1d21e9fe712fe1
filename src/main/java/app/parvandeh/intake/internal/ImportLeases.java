package app.parvandeh.intake.internal;

import app.parvandeh.shared.ClusterLeases;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which node runs an import, when several share the database: the one holding the import's lease,
 * renewed while it works ({@code parvandeh.cluster.lease-time}). Rows and entries are locked one by
 * one already, so two nodes could not do one twice; the lease keeps them from both reading the same
 * import, and lets a live node take over the imports of a node that died once their leases expire
 * (each node looks every {@code parvandeh.intake.resume-delay}).
 */
@Component
class ImportLeases {

  private final ClusterLeases leases;
  private final Duration leaseTime;
  private final Set<String> queuedHere = ConcurrentHashMap.newKeySet();

  ImportLeases(
      ClusterLeases leases, @Value("${parvandeh.cluster.lease-time:PT2M}") Duration leaseTime) {
    this.leases = leases;
    this.leaseTime = leaseTime;
  }

  /**
   * Whether nobody works on the import and it is not waiting in this node's queue: then it is to be
   * queued.
   */
  boolean orphaned(String kind, long id) {
    return !queuedHere.contains(name(kind, id)) && !leases.held(name(kind, id));
  }

  void queued(String kind, long id) {
    queuedHere.add(name(kind, id));
  }

  /** Runs the import under its lease, or not at all while another node holds it. */
  void underLease(String kind, long id, LongConsumer run) {
    String name = name(kind, id);
    try {
      if (leases.tryAcquire(name, leaseTime)) {
        try {
          run.accept(id);
        } finally {
          leases.release(name);
        }
      }
    } finally {
      queuedHere.remove(name);
    }
  }

  /** Called between rows or entries; renews the lease once a third of its time has passed. */
  ClusterLeases.Heartbeat heartbeat(String kind, long id) {
    return leases.heartbeat(name(kind, id), leaseTime);
  }

  private static String name(String kind, long id) {
    return "intake-" + kind + ":" + id;
  }
}
