package app.parvandeh.preservation;

import app.parvandeh.document.ContentCopies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Gauges on {@code /actuator/prometheus}: the replica's backlog ({@code
 * parvandeh_replica_backlog_items}, {@code parvandeh_replica_backlog_oldest_age_seconds}) and the
 * last finished audit ({@code parvandeh_fixity_audit_last_findings}, {@code
 * parvandeh_fixity_audit_last_finished_seconds}). Each is one small query at scrape time. Findings
 * and repairs are counters (see {@link FixityFindings}).
 */
@Component
class FixityMetrics {

  FixityMetrics(ContentCopies copies, FixityRuns runs, Clock clock, MeterRegistry registry) {
    Gauge.builder("parvandeh.replica.backlog.items", copies, c -> c.backlog().items())
        .description("Blobs the replica store does not hold yet")
        .register(registry);
    Gauge.builder(
            "parvandeh.replica.backlog.oldest.age",
            copies,
            c -> {
              Instant oldest = c.backlog().oldestEnqueuedAt();
              return oldest == null ? 0 : Duration.between(oldest, Instant.now(clock)).toSeconds();
            })
        .baseUnit("seconds")
        .description("How long the oldest blob has waited for the replica")
        .register(registry);
    Gauge.builder(
            "parvandeh.fixity.audit.last.findings",
            runs,
            r -> r.lastFinished().map(FixityRuns.Run::findings).orElse(0))
        .description("Findings of the last finished fixity audit")
        .register(registry);
    Gauge.builder(
            "parvandeh.fixity.audit.last.finished",
            runs,
            r -> r.lastFinished().map(run -> run.finishedAt().getEpochSecond()).orElse(0L))
        .baseUnit("seconds")
        .description("When the last fixity audit finished (Unix time)")
        .register(registry);
  }
}
