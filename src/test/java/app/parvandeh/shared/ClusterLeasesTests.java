package app.parvandeh.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.MovableClock;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two nodes (two lease holders) on one database: one holds a lease at a time, and a dead holder's
 * expires.
 */
@ParvandehIntegrationTest
class ClusterLeasesTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private final String lease = "test-" + UUID.randomUUID();

  @Test
  void oneNodeAtATimeHoldsALeaseAndReleasingHandsItOver() {
    ClusterLeases a = node("a", Clock.systemUTC());
    ClusterLeases b = node("b", Clock.systemUTC());

    assertThat(a.tryAcquire(lease, Duration.ofMinutes(1))).isTrue();
    assertThat(b.tryAcquire(lease, Duration.ofMinutes(1))).isFalse();
    assertThat(a.tryAcquire(lease, Duration.ofMinutes(1))).as("renewal by the holder").isTrue();
    assertThat(b.held(lease)).isTrue();
    b.release(lease);
    assertThat(a.held(lease)).as("only the holder releases").isTrue();

    a.release(lease);
    assertThat(b.tryAcquire(lease, Duration.ofMinutes(1))).isTrue();
    assertThat(a.tryAcquire(lease, Duration.ofMinutes(1))).isFalse();
  }

  @Test
  void theLeaseOfANodeThatDiedIsTakenOverOnceItExpires() {
    Instant now = Instant.now();
    ClusterLeases dead = node("dead", Clock.fixed(now, ZoneOffset.UTC));
    assertThat(dead.tryAcquire(lease, Duration.ofSeconds(30))).isTrue();

    ClusterLeases soon = node("live", Clock.fixed(now.plusSeconds(29), ZoneOffset.UTC));
    assertThat(soon.tryAcquire(lease, Duration.ofSeconds(30))).isFalse();
    ClusterLeases later = node("live", Clock.fixed(now.plusSeconds(31), ZoneOffset.UTC));
    assertThat(later.held(lease)).isFalse();
    assertThat(later.tryAcquire(lease, Duration.ofSeconds(30))).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select holder from cluster_lease where name = ?", String.class, lease))
        .isEqualTo("live");
  }

  @Test
  void aHeartbeatRenewsTheLeaseOnceAThirdOfItsTimeHasPassedAndStopsOnceAnotherNodeHasIt() {
    MovableClock time = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    ClusterLeases a = node("a", time);
    assertThat(a.tryAcquire(lease, Duration.ofSeconds(30))).isTrue();
    ClusterLeases.Heartbeat heartbeat = a.heartbeat(lease, Duration.ofSeconds(30));

    time.advance(Duration.ofSeconds(9));
    assertThat(heartbeat.beat()).isTrue();
    assertThat(expiresAt())
        .as("not renewed before a third")
        .isEqualTo(time.instant().minusSeconds(9).plusSeconds(30));

    time.advance(Duration.ofSeconds(2));
    assertThat(heartbeat.beat()).isTrue();
    assertThat(expiresAt()).as("renewed after a third").isEqualTo(time.instant().plusSeconds(30));

    // a node that stalled past its lease (a long copy, a pause) and found another node holding it
    time.advance(Duration.ofSeconds(31));
    assertThat(node("b", time).tryAcquire(lease, Duration.ofSeconds(30))).isTrue();
    time.advance(Duration.ofSeconds(11));
    assertThat(heartbeat.beat()).isFalse();
    time.advance(Duration.ofSeconds(60));
    assertThat(heartbeat.beat()).as("does not take the lease back once it was lost").isFalse();
    assertThat(
            jdbc.queryForObject(
                "select holder from cluster_lease where name = ?", String.class, lease))
        .isEqualTo("b");
  }

  private Instant expiresAt() {
    return jdbc.queryForObject(
            "select expires_at from cluster_lease where name = ?", Timestamp.class, lease)
        .toInstant();
  }

  private ClusterLeases node(String id, Clock clock) {
    return new ClusterLeases(jdbc, transactions, clock, id);
  }
}
