package app.parvandeh;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ParvandehIntegrationTest;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The application's background work shares one scheduler: text extraction of a large scan can take
 * hours, and while it runs the other tasks (resuming a dead node's imports, the replica's catch-up,
 * the metrics) must still run. With Spring's default of one thread they all waited behind it.
 */
@ParvandehIntegrationTest
class BackgroundSchedulingTests {

  @Autowired TaskScheduler scheduler;
  @Autowired ScheduledTaskHolder scheduled;

  @Test
  void aLongBackgroundTaskDoesNotHoldBackTheOthers() throws InterruptedException {
    assertThat(scheduled.getScheduledTasks())
        .as("the application's own @Scheduled work runs on this scheduler")
        .isNotEmpty();
    CountDownLatch longTaskRunning = new CountDownLatch(1);
    CountDownLatch releaseLongTask = new CountDownLatch(1);
    CountDownLatch otherTaskRan = new CountDownLatch(1);
    scheduler.schedule(
        () -> {
          longTaskRunning.countDown();
          try {
            releaseLongTask.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        Instant.now());
    try {
      assertThat(longTaskRunning.await(30, TimeUnit.SECONDS)).isTrue();
      scheduler.schedule(otherTaskRan::countDown, Instant.now());
      assertThat(otherTaskRan.await(30, TimeUnit.SECONDS))
          .as("another task ran while the long one was still running")
          .isTrue();
    } finally {
      releaseLongTask.countDown();
    }
  }
}
