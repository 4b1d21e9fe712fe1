package app.parvandeh.intake.internal;

import app.parvandeh.document.DocumentProperties;
import app.parvandeh.intake.internal.GuardedZip.Kind;
import app.parvandeh.shared.ClusterLeases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Works through a kept archive entry by entry in the background; entries already recorded (before a
 * restart) are passed over unread. The archive is deleted once no entry of it waits in the
 * unmatched queue.
 */
@Component
public class BatchRun {

  private final IntakeBatchRepository batches;
  private final BatchEntryRepository entries;
  private final BatchEntryWork work;
  private final IntakeWorker worker;
  private final IntakeProperties properties;
  private final DataSize documentLimit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ImportLeases leases;

  BatchRun(
      IntakeBatchRepository batches,
      BatchEntryRepository entries,
      BatchEntryWork work,
      IntakeWorker worker,
      IntakeProperties properties,
      DocumentProperties documents,
      PlatformTransactionManager transactions,
      Clock clock,
      ImportLeases leases) {
    this.leases = leases;
    this.batches = batches;
    this.entries = entries;
    this.work = work;
    this.worker = worker;
    this.properties = properties;
    this.documentLimit = documents.maxFileSize();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * As {@link CohortImportRun#resumeUnfinished}: after a restart, and a dead node's batches on a
   * live node.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(
      initialDelayString = "${parvandeh.intake.resume-delay:PT1M}",
      fixedDelayString = "${parvandeh.intake.resume-delay:PT1M}")
  void resumeUnfinished() {
    batches.findByStatusInOrderById(List.of(BatchStatus.QUEUED, BatchStatus.RUNNING)).stream()
        .filter(b -> leases.orphaned(KIND, b.getId()))
        .forEach(b -> queue(b.getId()));
  }

  public void queue(Long batchId) {
    leases.queued(KIND, batchId);
    worker.submit(() -> leases.underLease(KIND, batchId, id -> run(batchId)));
  }

  private static final String KIND = "batch";

  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private void run(Long batchId) {
    IntakeBatch batch =
        transaction.execute(
            status -> {
              IntakeBatch b = batches.findById(batchId).orElseThrow();
              if (b.getStatus() != BatchStatus.QUEUED && b.getStatus() != BatchStatus.RUNNING) {
                return null;
              }
              b.start();
              return b;
            });
    if (batch == null) {
      return;
    }
    ClusterLeases.Heartbeat heartbeat = leases.heartbeat(KIND, batchId);
    Set<Integer> done = new HashSet<>(entries.entryNumbers(batchId));
    IntakeWorker.Pieces pieces = worker.pieces();
    InOrder order = new InOrder();
    long[] turns = {0};
    // Entries are read one after another from the stream; each is then checked and attached by a
    // worker. An entry
    // is held in memory while it waits (at most the document size limit, and only a few at once).
    long maxEntry = documentLimit.toBytes();
    try (InputStream archive = Files.newInputStream(properties.archiveOf(batchId))) {
      GuardedZip.read(
          archive,
          properties.limits(),
          (entryNo, name, kind, content) -> {
            if (worker.stopping()) {
              throw new Stopped();
            }
            heartbeat.beat();
            if (done.contains(entryNo)) {
              return;
            }
            if (kind != Kind.FILE) {
              pieces.submit(() -> work.record(ignored(batchId, entryNo, name, kind)));
              return;
            }
            byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxEntry + 1));
            long turn = turns[0]++;
            pieces.submit(
                () ->
                    work.handleFile(
                        batchId,
                        entryNo,
                        name,
                        new ByteArrayInputStream(bytes),
                        batch.getFileName(),
                        batch.getUploadedBy(),
                        order,
                        turn));
          });
    } catch (Stopped e) {
      pieces.awaitAll();
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pieces.awaitAll();
    if (entries.entryNumbers(batchId).size() < batch.getEntryCount()) {
      return;
    }
    transaction.executeWithoutResult(
        status -> batches.findById(batchId).orElseThrow().finish(Instant.now(clock)));
    releaseIfResolved(batchId);
  }

  /**
   * An ignored entry (a folder or operating-system metadata), listed so nothing is dropped unseen.
   */
  public static BatchEntry ignored(Long batchId, int entryNo, String name, Kind kind) {
    return kind == Kind.FOLDER
        ? new BatchEntry(
            batchId, entryNo, name, EntryOutcome.IGNORED, null, null, "پوشه است.", "A folder.")
        : new BatchEntry(
            batchId,
            entryNo,
            name,
            EntryOutcome.IGNORED,
            null,
            null,
            "فایل فراداده سیستم‌عامل است (مانند ‎.DS_Store‎ یا Thumbs.db).",
            "Operating-system metadata (such as .DS_Store or Thumbs.db).");
  }

  /** Opens entry {@code entryNo} of the kept archive and hands its bytes to {@code use}. */
  public void withEntry(Long batchId, int entryNo, GuardedZip.Visitor use) {
    Path archive = properties.archiveOf(batchId);
    try (InputStream in = Files.newInputStream(archive)) {
      GuardedZip.read(
          in,
          properties.limits(),
          (no, name, kind, content) -> {
            if (no == entryNo) {
              use.visit(no, name, kind, content);
              throw new Stopped();
            }
          });
    } catch (Stopped found) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the kept archive when none of its entries waits for a clerk any more. */
  public void releaseIfResolved(Long batchId) {
    if (entries.waitingIn(batchId) == 0) {
      try {
        Files.deleteIfExists(properties.archiveOf(batchId));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
