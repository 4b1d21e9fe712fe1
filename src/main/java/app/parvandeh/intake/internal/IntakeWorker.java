package app.parvandeh.intake.internal;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs intake work in the background, one import at a time, its rows or entries a few at once. Why
 * not Camunda's job executor: a row is not a process step; its outcome (rejected with a reason) is
 * the result, not an incident to retry three times, and thousands of rows would crowd out the
 * files' own jobs. What makes it survive a restart is in the database, not here: every row is
 * persisted before work starts and done in its own transaction, and at start-up each kind of import
 * queues its unfinished ones again, to go on where they stopped.
 */
@Component
public class IntakeWorker {

  private static final Logger log = LoggerFactory.getLogger(IntakeWorker.class);

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "intake-worker");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Rows and archive entries are independent, so a few are done at once; each still in its own
   * transaction.
   */
  private final ExecutorService threads;

  private final int workers;
  private volatile boolean stopping;

  IntakeWorker(IntakeProperties properties) {
    this.workers = Math.max(1, properties.workers());
    this.threads =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread thread = new Thread(r, "intake-piece");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs every item as a piece (see {@link Pieces}) and waits for all of them. */
  public <T> void inParallel(Iterator<T> items, Consumer<T> piece) {
    Pieces pieces = pieces();
    while (items.hasNext() && !stopping) {
      T item = items.next();
      pieces.submit(() -> piece.accept(item));
    }
    pieces.awaitAll();
  }

  /** Pieces of one import, run on the worker's threads. */
  public Pieces pieces() {
    return new Pieces();
  }

  /**
   * At most twice as many pieces queued as there are threads, so entries read ahead of the workers
   * are few and memory stays flat however large the archive. A piece that fails stays undone in the
   * database: the next run does it. Rows and entries count their failed attempts themselves and are
   * given up after a few (see {@link FailedAttempts}), so no piece is run for ever.
   */
  public final class Pieces {
    private final Semaphore slots = new Semaphore(workers * 2);
    private final List<Future<?>> running = new ArrayList<>();

    /** Queues the piece; waits while the queue is full. */
    public void submit(Runnable piece) {
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      running.add(
          threads.submit(
              () -> {
                try {
                  if (!stopping) {
                    piece.run();
                  }
                } catch (RuntimeException e) {
                  log.error("An intake piece failed; it stays undone", e);
                } finally {
                  slots.release();
                }
              }));
      running.removeIf(Future::isDone);
    }

    public void awaitAll() {
      try {
        for (Future<?> future : running) {
          future.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Queues work; it runs after what was queued before it. */
  public void submit(Runnable work) {
    executor.submit(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            // Left unfinished in the database: the next start-up resumes it.
            log.error("Intake work stopped; it resumes at the next start", e);
          }
        });
  }

  /** Whether the application is shutting down: work stops between two rows, never inside one. */
  public boolean stopping() {
    return stopping;
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    executor.shutdown();
    executor.awaitTermination(30, TimeUnit.SECONDS);
    threads.shutdown();
    threads.awaitTermination(30, TimeUnit.SECONDS);
  }
}
