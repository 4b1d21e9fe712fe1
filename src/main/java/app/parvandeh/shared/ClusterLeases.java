package app.parvandeh.shared;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named leases in the database ({@code cluster_lease}), for background work that one node at a time
 * must do when several run against one database (the job executor has its own locks; this is for
 * our scheduled work and imports). A node holds a lease until it expires and renews it while it
 * works; one that died loses it at expiry, and another node takes the work over. Each call commits
 * on its own, whatever transaction the caller is in. The nodes' clocks are compared, so keep them
 * in time (NTP), as Camunda's job locks need too.
 */
@Component
public class ClusterLeases {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String node;

  ClusterLeases(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${parvandeh.cluster.node-id:}") String nodeId) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.node =
        nodeId == null || nodeId.isBlank()
            ? ManagementFactory.getRuntimeMXBean().getName()
                + "-"
                + UUID.randomUUID().toString().substring(0, 8)
            : nodeId;
  }

  /** This process' name in the leases it holds. */
  public String node() {
    return node;
  }

  /**
   * Takes the lease, or renews it if this node holds it; {@code false} while another node holds it.
   */
  public boolean tryAcquire(String name, Duration ttl) {
    Instant now = Instant.now(clock);
    Timestamp until = Timestamp.from(now.plus(ttl));
    Boolean taken =
        ownTransaction.execute(
            status ->
                jdbc.update(
                        "update cluster_lease set holder = ?, expires_at = ? where name = ? and (holder = ? or expires_at < ?)",
                        node,
                        until,
                        name,
                        node,
                        Timestamp.from(now))
                    == 1);
    if (Boolean.TRUE.equals(taken)) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(
          ownTransaction.execute(
              status ->
                  jdbc.update(
                          "insert into cluster_lease (name, holder, expires_at) values (?, ?, ?)",
                          name,
                          node,
                          until)
                      == 1));
    } catch (DataIntegrityViolationException heldByAnother) {
      return false;
    }
  }

  /**
   * For work that holds a lease just taken for longer than its time: {@link Heartbeat#beat}, called
   * between items, renews the lease once a third of its time has passed and answers whether this
   * node still holds it.
   */
  public Heartbeat heartbeat(String name, Duration ttl) {
    return new Heartbeat(name, ttl);
  }

  /**
   * The renewals of one lease by the node working under it; its workers may beat at once (one of
   * them renews).
   */
  public final class Heartbeat {
    private final String name;
    private final Duration ttl;
    private Instant renewedAt = Instant.now(clock);
    private boolean held = true;

    private Heartbeat(String name, Duration ttl) {
      this.name = name;
      this.ttl = ttl;
    }

    /**
     * Renews the lease if a third of its time has passed since it was taken or last renewed; {@code
     * false} from the first renewal that failed on (another node has taken the lease over).
     */
    public synchronized boolean beat() {
      Instant now = Instant.now(clock);
      if (held && Duration.between(renewedAt, now).compareTo(ttl.dividedBy(3)) > 0) {
        renewedAt = now;
        held = tryAcquire(name, ttl);
      }
      return held;
    }
  }

  /** Whether any node holds the lease now. */
  public boolean held(String name) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select count(*) > 0 from cluster_lease where name = ? and expires_at >= ?",
            Boolean.class,
            name,
            Timestamp.from(Instant.now(clock))));
  }

  /** Gives the lease up if this node holds it, so another node need not wait for its expiry. */
  public void release(String name) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update("delete from cluster_lease where name = ? and holder = ?", name, node));
  }
}
