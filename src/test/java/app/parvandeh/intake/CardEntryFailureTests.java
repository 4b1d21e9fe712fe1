package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.intake.internal.BatchRun;
import app.parvandeh.intake.internal.IntakeProperties;
import app.parvandeh.intake.internal.IntakeWorker;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An archive entry whose recording fails for a reason that is not a refusal (here a real one: a
 * type code in its name longer than the column that keeps it) is tried again at each resume and,
 * after {@code parvandeh.intake.max-attempts}, put in the unmatched queue with the cause, so the
 * batch ends; the other entries of the archive are attached. Resumes are run here one by one, as
 * the periodic look would run them.
 */
@ParvandehIntegrationTest
class CardEntryFailureTests {

  @LocalServerPort int port;
  @Autowired BatchRun run;
  @Autowired IntakeWorker worker;
  @Autowired IntakeProperties properties;
  @Autowired StudentService students;
  @Autowired JdbcTemplate jdbc;

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  private void awaitWorker() throws InterruptedException {
    CountDownLatch idle = new CountDownLatch(1);
    worker.submit(idle::countDown);
    assertThat(idle.await(5, TimeUnit.MINUTES)).isTrue();
  }

  private int failuresOf(long batchId, int entryNo) {
    return jdbc.query(
        "select failures from intake_attempt where kind = 'batch' and import_id = ? and item_no = ?",
        rs -> rs.next() ? rs.getInt(1) : 0,
        batchId,
        entryNo);
  }

  @Test
  void anEntryThatCannotBeRecordedGoesToTheUnmatchedQueueAfterMaxAttemptsAndTheBatchEnds()
      throws Exception {
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1403, false), "central.admission");
    String longType = "X".repeat(70);
    String stuckName = student.studentNumber() + "_" + longType + ".pdf";
    byte[] zip =
        CardArchive.create()
            .add(student.studentNumber() + "_EXAM_CARD.pdf", CardArchive.pdf())
            .add(stuckName, CardArchive.pdf())
            .add(student.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.jpg", CardArchive.jpeg())
            .bytes();
    ApiClient api = central();
    int maxAttempts = properties.maxAttempts();

    long id = CardArchive.upload(api, zip).json().path("id").asLong();
    awaitWorker();
    JsonNode batch = api.get("/api/intake/batches/" + id).json();
    assertThat(batch.path("status").asText()).isEqualTo("RUNNING");
    assertThat(batch.path("attached").asInt()).isEqualTo(2);
    assertThat(failuresOf(id, 2)).isEqualTo(1);
    assertThat(failuresOf(id, 1)).isZero();
    assertThat(failuresOf(id, 3)).isZero();
    for (int attempt = 2; attempt <= maxAttempts; attempt++) {
      assertThat(batch.path("status").asText())
          .as("before attempt " + attempt)
          .isEqualTo("RUNNING");
      run.queue(id);
      awaitWorker();
      batch = api.get("/api/intake/batches/" + id).json();
      assertThat(failuresOf(id, 2)).isEqualTo(attempt);
    }

    assertThat(batch.path("status").asText()).as(batch.toString()).isEqualTo("DONE");
    assertThat(batch.path("attached").asInt()).isEqualTo(2);
    assertThat(batch.path("unmatched").asInt()).isEqualTo(1);
    JsonNode entry = batch.path("entries").get(1);
    assertThat(entry.path("name").asText()).isEqualTo(stuckName);
    assertThat(entry.path("outcome").asText()).isEqualTo("UNMATCHED");
    assertThat(entry.path("reasonEn").asText())
        .contains("could not be attached after " + maxAttempts + " attempts")
        .containsIgnoringCase("too long")
        .contains("unmatched queue")
        .contains("administrator");
    assertThat(entry.path("reasonFa").asText())
        .contains("پس از " + app.parvandeh.shared.PersianText.toPersianDigits("" + maxAttempts))
        .contains("مدیر سامانه");
    String report =
        new String(
            api.get("/api/intake/batches/" + id + "/report.csv").body(), StandardCharsets.UTF_8);
    assertThat(report).contains(stuckName).contains("could not be attached after");
    // It waits for a clerk, who can discard it; then nothing of the batch waits any more.
    JsonNode queue = api.get("/api/intake/unmatched").json();
    long entryId = entry.path("id").asLong();
    assertThat(queue.findValues("id").stream().map(JsonNode::asLong)).contains(entryId);
    assertThat(
            api.postJson(
                    "/api/intake/unmatched/" + entryId + "/discard",
                    java.util.Map.of("reason", "نام فایل نادرست است"))
                .status())
        .isEqualTo(200);
  }
}
