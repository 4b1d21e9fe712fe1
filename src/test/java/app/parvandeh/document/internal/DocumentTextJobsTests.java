package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentTextIndex;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.TaskDescriptions;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.MovableClock;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The text extraction queue: with two nodes on one database each version is extracted by one of
 * them only; a version whose extraction keeps failing is retried with growing waits, then failed
 * for good and shown to managers as a Tasklist task, and can be put back in the queue.
 */
@ParvandehIntegrationTest
class DocumentTextJobsTests {

  @Autowired DocumentTextJobs jobs;
  @Autowired TextExtractor extractor;
  @Autowired DocumentTextAlerts alerts;
  @Autowired StudentService students;
  @Autowired StudyDocuments studyDocuments;
  @Autowired TaskService tasks;

  @Test
  void twoNodesExtractEachVersionOnceBetweenThem() throws Exception {
    List<Long> versions = new ArrayList<>();
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1402, false), "admission-office");
    for (int i = 0; i < 6; i++) {
      versions.add(letter(student, "two nodes " + i).current().id());
    }
    Map<String, AtomicInteger> extracted = new ConcurrentHashMap<>();
    CountDownLatch bothStarted = new CountDownLatch(2);
    TextExtractor counting =
        new TextExtractor(null, null) {
          @Override
          Extraction extract(String sha256, String mediaType) throws IOException {
            extracted.computeIfAbsent(sha256, k -> new AtomicInteger()).incrementAndGet();
            return extractor.extract(sha256, mediaType);
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (String node : List.of("node-a", "node-b")) {
        DocumentTextIndexer index =
            new DocumentTextIndexer(jobs, counting, alerts, Clock.systemUTC(), node);
        done.add(
            pool.submit(
                () -> {
                  bothStarted.countDown();
                  bothStarted.await();
                  return index.runFor(versions);
                }));
      }
      assertThat(done.get(0).get() + done.get(1).get()).isEqualTo(versions.size());
    } finally {
      pool.shutdown();
    }
    assertThat(extracted).hasSize(versions.size());
    assertThat(extracted.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(versions)
        .allSatisfy(v -> assertThat(jobs.state(v)).isEqualTo(DocumentTextJobs.DONE));
  }

  @Test
  void aVersionThatKeepsFailingIsRetriedThenShownToManagersAndCanBeQueuedAgain() {
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1402, false), "admission-office");
    FileDocumentView letter = letter(student, "always failing");
    long version = letter.current().id();
    MovableClock clock = new MovableClock(Instant.now());
    TextExtractor broken =
        new TextExtractor(null, null) {
          @Override
          Extraction extract(String sha256, String mediaType) throws IOException {
            throw new IOException("tesseract: command not found");
          }
        };
    DocumentTextIndexer index =
        new DocumentTextIndexer(jobs, broken, alerts, clock, "node-failing");

    for (int attempt = 1; attempt < DocumentTextIndexer.MAX_ATTEMPTS; attempt++) {
      index.runFor(List.of(version));
      assertThat(jobs.state(version)).isEqualTo(DocumentTextJobs.PENDING);
      index.runFor(List.of(version));
      assertThat(jobs.claim(version, "probe", clock.instant(), Duration.ofSeconds(1)))
          .as("waits before a retry")
          .isNull();
      clock.advance(Duration.ofDays(1));
    }
    index.runFor(List.of(version));

    assertThat(jobs.state(version)).isEqualTo(DocumentTextJobs.FAILED);
    Task alert = alerts.openTask();
    assertThat(alert).isNotNull();
    assertThat(alert.getDescription())
        .contains(
            "tesseract: command not found",
            app.parvandeh.shared.PersianText.toPersianDigits(String.valueOf(letter.id())));
    assertThat(tasks.createTaskQuery().taskId(alert.getId()).taskCandidateGroup("managers").count())
        .isEqualTo(1);
    assertThat(index.overview().failures())
        .anySatisfy(f -> assertThat(f.versionId()).isEqualTo(version));

    assertThat(index.retryFailed()).isGreaterThanOrEqualTo(1);
    assertThat(jobs.state(version)).isEqualTo(DocumentTextJobs.PENDING);
    tasks.deleteTask(alert.getId(), true);
  }

  @Test
  void theAlertNamesWhereTheFailuresAreListedAndKeepsALongErrorWithinWhatCamundaStores() {
    alerts.failed(1, 1, "short");
    Task opened = alerts.openTask();
    assertThat(opened.getDescription()).endsWith(DocumentTextIndex.PATH);

    alerts.failed(2, 2, "x".repeat(5000));

    assertThat(alerts.openTask().getDescription()).hasSize(TaskDescriptions.MAX_LENGTH);
    alerts.failed(3, 3, "y".repeat(5000));
    assertThat(alerts.openTask().getDescription()).hasSize(TaskDescriptions.MAX_LENGTH);
    tasks.deleteTask(opened.getId(), true);
  }

  private FileDocumentView letter(StudentRef student, String title) {
    byte[] pdf = DemoFiles.pdf(title + " " + System.nanoTime());
    return studyDocuments.registerOfficeLetter(
        student.id(),
        "ENROLLMENT_CERTIFICATE",
        new Upload("ENROLLMENT_CERTIFICATE", "letter.pdf", () -> new ByteArrayInputStream(pdf)),
        "۱/۲",
        "1403/07/15",
        "گواهی اشتغال به تحصیل",
        "clerk.eng");
  }
}
