package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Preservation jobs (backups, exports) are recorded in the database: another node (here a second
 * {@link PreservationJobs} on the same database, as a second instance of the application has) sees
 * a job's status and progress while it runs and its result after it ended; a job whose node stopped
 * beating is shown failed, interrupted, with the reason in Persian and English, instead of running
 * forever.
 */
@ParvandehIntegrationTest
class PreservationJobsTests {

  @Autowired PreservationJobs jobs;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  private PreservationJobs otherNode() {
    return new PreservationJobs(
        jdbc, new Heartbeats(Duration.ofSeconds(5), Duration.ofMinutes(1)), clock);
  }

  @Test
  void anotherNodeSeesARunningJobsProgressAndItsResultOnceItEnded() throws Exception {
    CountDownLatch counted = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Path result = Files.createTempFile("parvandeh-job-", ".zip");
    PreservationJobs.Job job =
        jobs.start(
            PreservationJobs.Kind.EXPORT,
            "central.records",
            "science",
            j -> {
              j.total(4);
              j.progressed(1000);
              j.progressed(500);
              counted.countDown();
              finish.await(1, TimeUnit.MINUTES);
              return result;
            });
    PreservationJobs other = otherNode();
    assertThat(counted.await(1, TimeUnit.MINUTES)).isTrue();
    jobs.beat();
    PreservationJobs.View running = other.get(PreservationJobs.Kind.EXPORT, job.id());
    assertThat(running.status()).isEqualTo("RUNNING");
    assertThat(running.done()).isEqualTo(2);
    assertThat(running.total()).isEqualTo(4);
    assertThat(running.bytes()).isEqualTo(1500);
    assertThat(running.startedBy()).isEqualTo("central.records");

    finish.countDown();
    for (int i = 0;
        i < 600 && "RUNNING".equals(other.get(PreservationJobs.Kind.EXPORT, job.id()).status());
        i++) {
      Thread.sleep(50);
    }
    PreservationJobs.View done = other.get(PreservationJobs.Kind.EXPORT, job.id());
    assertThat(done.status()).isEqualTo("SUCCEEDED");
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.resultPath()).isEqualTo(result.toAbsolutePath());
    assertThat(done.result()).isEqualTo(result.getFileName().toString());
    assertThatThrownBy(() -> other.get(PreservationJobs.Kind.BACKUP, job.id()))
        .isInstanceOf(ParvandehException.class)
        .hasMessageContaining("No such job");
    Files.deleteIfExists(result);
  }

  @Test
  void aJobWhoseNodeStoppedBeatingIsShownFailedAsInterruptedInPersianAndEnglish() {
    String id = UUID.randomUUID().toString();
    Instant longAgo = Instant.now(clock).minus(Duration.ofMinutes(10));
    jdbc.update(
        "insert into preservation_job (id, kind, scope, started_by, started_at, heartbeat_at, status,"
            + " done_items, total_items, bytes) values (?, 'BACKUP', 'system', 'admin', ?, ?, 'RUNNING', 3, 9, 42)",
        id,
        Timestamp.from(longAgo),
        Timestamp.from(longAgo));
    PreservationJobs other = otherNode();
    assertThat(other.get(PreservationJobs.Kind.BACKUP, id).status()).isEqualTo("RUNNING");

    other.beat();

    PreservationJobs.View closed = jobs.get(PreservationJobs.Kind.BACKUP, id);
    assertThat(closed.status()).isEqualTo("FAILED");
    assertThat(closed.error()).startsWith("interrupted");
    assertThat(closed.errorFa()).contains("نیمه‌تمام");
    assertThat(closed.finishedAt()).isNotNull();
    assertThat(closed.done()).as("the progress it had made").isEqualTo(3);
  }
}
