package app.parvandeh.intake.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs intake work in the background, one import at a time, on a thread of its own. Why not Camunda's job
 * executor: a row is not a process step; its outcome (rejected with a reason) is the result, not an incident to
 * retry three times, and thousands of rows would crowd out the files' own jobs. What makes it survive a restart is
 * in the database, not here: every row is persisted before work starts and done in its own transaction, and at
 * start-up each kind of import queues its unfinished ones again, to go on where they stopped.
 */
@Component
public class IntakeWorker {

  private static final Logger log = LoggerFactory.getLogger(IntakeWorker.class);

  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "intake-worker");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean stopping;

  /** Queues work; it runs after what was queued before it. */
  public void submit(Runnable work) {
    executor.submit(() -> {
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
  }
}
