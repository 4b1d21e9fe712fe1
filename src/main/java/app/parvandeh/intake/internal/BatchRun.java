package app.parvandeh.intake.internal;

import app.parvandeh.intake.internal.GuardedZip.Kind;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through a kept archive entry by entry in the background; entries already recorded (before a restart) are
 * passed over unread. The archive is deleted once no entry of it waits in the unmatched queue.
 */
@Component
public class BatchRun {

  private final IntakeBatchRepository batches;
  private final BatchEntryRepository entries;
  private final BatchEntryWork work;
  private final IntakeWorker worker;
  private final IntakeProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  BatchRun(IntakeBatchRepository batches, BatchEntryRepository entries, BatchEntryWork work, IntakeWorker worker,
      IntakeProperties properties, PlatformTransactionManager transactions, Clock clock) {
    this.batches = batches;
    this.entries = entries;
    this.work = work;
    this.worker = worker;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void resumeUnfinished() {
    batches.findByStatusInOrderById(List.of(BatchStatus.QUEUED, BatchStatus.RUNNING)).forEach(b -> queue(b.getId()));
  }

  public void queue(Long batchId) {
    worker.submit(() -> run(batchId));
  }

  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private void run(Long batchId) {
    IntakeBatch batch = transaction.execute(status -> {
      IntakeBatch b = batches.findById(batchId).orElseThrow();
      b.start();
      return b;
    });
    Set<Integer> done = new HashSet<>(entries.entryNumbers(batchId));
    try (InputStream archive = Files.newInputStream(properties.archiveOf(batchId))) {
      GuardedZip.read(archive, properties.limits(), (entryNo, name, kind, content) -> {
        if (worker.stopping()) {
          throw new Stopped();
        }
        if (done.contains(entryNo)) {
          return;
        }
        if (kind == Kind.FILE) {
          work.handleFile(batchId, entryNo, name, content, batch.getFileName(), batch.getUploadedBy());
        } else {
          work.record(ignored(batchId, entryNo, name, kind));
        }
      });
    } catch (Stopped e) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    transaction.executeWithoutResult(status -> batches.findById(batchId).orElseThrow().finish(Instant.now(clock)));
    releaseIfResolved(batchId);
  }

  /** An ignored entry (a folder or operating-system metadata), listed so nothing is dropped unseen. */
  public static BatchEntry ignored(Long batchId, int entryNo, String name, Kind kind) {
    return kind == Kind.FOLDER
        ? new BatchEntry(batchId, entryNo, name, EntryOutcome.IGNORED, null, null, "پوشه است.", "A folder.")
        : new BatchEntry(batchId, entryNo, name, EntryOutcome.IGNORED, null, null,
            "فایل فراداده سیستم‌عامل است (مانند ‎.DS_Store‎ یا Thumbs.db).",
            "Operating-system metadata (such as .DS_Store or Thumbs.db).");
  }

  /** Opens entry {@code entryNo} of the kept archive and hands its bytes to {@code use}. */
  public void withEntry(Long batchId, int entryNo, GuardedZip.Visitor use) {
    Path archive = properties.archiveOf(batchId);
    try (InputStream in = Files.newInputStream(archive)) {
      GuardedZip.read(in, properties.limits(), (no, name, kind, content) -> {
        if (no == entryNo) {
          use.visit(no, name, kind, content);
        }
      });
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
