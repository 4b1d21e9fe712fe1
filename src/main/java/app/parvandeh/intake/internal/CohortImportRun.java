package app.parvandeh.intake.internal;

import app.parvandeh.intake.CohortImported;
import app.parvandeh.shared.ClusterLeases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through a cohort import's pending rows, a few in each transaction ({@code
 * rows-per-transaction}), and closes the import when none is left.
 */
@Component
public class CohortImportRun {

  private final CohortImportRepository imports;
  private final CohortRowRepository rows;
  private final CohortRowWork work;
  private final IntakeWorker worker;
  private final ApplicationEventPublisher events;
  private final IntakeProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ImportLeases leases;

  CohortImportRun(
      CohortImportRepository imports,
      CohortRowRepository rows,
      CohortRowWork work,
      IntakeWorker worker,
      ApplicationEventPublisher events,
      IntakeProperties properties,
      PlatformTransactionManager transactions,
      Clock clock,
      ImportLeases leases) {
    this.leases = leases;
    this.imports = imports;
    this.rows = rows;
    this.work = work;
    this.worker = worker;
    this.events = events;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Imports a restart interrupted (or that never started) go on where they stopped; so do those of
   * a node that died (several nodes), once their lease has expired.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(
      initialDelayString = "${parvandeh.intake.resume-delay:PT1M}",
      fixedDelayString = "${parvandeh.intake.resume-delay:PT1M}")
  void resumeUnfinished() {
    imports.findByStatusInOrderById(List.of(ImportStatus.QUEUED, ImportStatus.RUNNING)).stream()
        .filter(i -> leases.orphaned(KIND, i.getId()))
        .forEach(i -> queue(i.getId()));
  }

  /** Queues the import on the intake worker. */
  public void queue(Long importId) {
    leases.queued(KIND, importId);
    worker.submit(() -> leases.underLease(KIND, importId, id -> run(importId)));
  }

  private static final String KIND = "cohort";

  private void run(Long importId) {
    String actor =
        transaction.execute(
            status -> {
              CohortImport cohort = imports.findById(importId).orElseThrow();
              if (cohort.getStatus() == ImportStatus.DONE) {
                return null;
              }
              cohort.start();
              return cohort.getUploadedBy();
            });
    if (actor == null) {
      return;
    }
    ClusterLeases.Heartbeat heartbeat = leases.heartbeat(KIND, importId);
    List<Long> pending = rows.pendingIds(importId);
    int group = Math.max(1, properties.rowsPerTransaction());
    List<List<Long>> groups = new ArrayList<>();
    for (int from = 0; from < pending.size(); from += group) {
      groups.add(pending.subList(from, Math.min(pending.size(), from + group)));
    }
    worker.inParallel(
        groups.iterator(),
        rowIds -> {
          heartbeat.beat();
          work.doRows(rowIds, actor);
        });
    if (worker.stopping()) {
      return;
    }
    CohortImported done =
        transaction.execute(
            status -> {
              CohortImport cohort = imports.findById(importId).orElseThrow();
              if (cohort.getStatus() == ImportStatus.DONE || !rows.pendingIds(importId).isEmpty()) {
                return null;
              }
              cohort.finish(Instant.now(clock));
              Map<RowOutcome, Long> counts = counts(importId);
              return new CohortImported(
                  importId,
                  cohort.getTotal(),
                  counts.get(RowOutcome.ACCEPTED),
                  counts.get(RowOutcome.UPDATED),
                  counts.get(RowOutcome.UNCHANGED),
                  counts.get(RowOutcome.REJECTED));
            });
    if (done != null) {
      events.publishEvent(done);
    }
  }

  /** How many rows ended in each outcome (zero for none). */
  public Map<RowOutcome, Long> counts(Long importId) {
    Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
    for (RowOutcome outcome : RowOutcome.values()) {
      counts.put(outcome, 0L);
    }
    for (Object[] line : rows.countByOutcome(importId)) {
      counts.put((RowOutcome) line[0], (Long) line[1]);
    }
    return counts;
  }
}
