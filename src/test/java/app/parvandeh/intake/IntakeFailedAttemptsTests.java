package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.intake.internal.BatchRun;
import app.parvandeh.intake.internal.CohortImportRun;
import app.parvandeh.intake.internal.IntakeProperties;
import app.parvandeh.intake.internal.IntakeWorker;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cohort row or archive entry whose saving fails for a reason that is not a refusal is tried
 * again at each run and, after {@code parvandeh.intake.max-attempts}, ended with a reason a clerk
 * can act on, so its import ends. The failures are real ones: for a row, an administrator granted
 * the future student's login a permission in Camunda Admin before the file existed, so Camunda's
 * default authorization for the new user collides with it; for an entry, a type code in its name
 * longer than the column that keeps it. The runs after the first are started here one by one, as
 * the periodic look for unfinished imports ({@code resume-delay}) starts them.
 */
@ParvandehIntegrationTest
class IntakeFailedAttemptsTests {

  @LocalServerPort int port;
  @Autowired CohortImportRun cohortRun;
  @Autowired BatchRun batchRun;
  @Autowired IntakeWorker worker;
  @Autowired IntakeProperties properties;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  /** What an administrator does in Camunda Admin: a grant for a user id nobody holds yet. */
  private Authorization grantBeforeTheLoginExists(String userId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(Resources.USER);
    grant.setResourceId(userId);
    grant.addPermission(Permissions.READ);
    return authorizations.saveAuthorization(grant);
  }

  /** Waits until the intake worker has done everything queued so far. */
  private void awaitWorker() throws InterruptedException {
    CountDownLatch idle = new CountDownLatch(1);
    worker.submit(idle::countDown);
    assertThat(idle.await(5, TimeUnit.MINUTES)).isTrue();
  }

  private int failuresOf(String kind, long importId, int itemNo) {
    return jdbc.query(
        "select failures from intake_attempt where kind = ? and import_id = ? and item_no = ?",
        rs -> rs.next() ? rs.getInt(1) : 0,
        kind,
        importId,
        itemNo);
  }

  /**
   * Runs the import again until its stuck item's last allowed attempt, checking before each run
   * that it is still running and after it that the attempt was counted once; the status after the
   * last.
   */
  private JsonNode runUntilTheLastAttempt(
      String kind, long id, int stuckNo, Runnable queue, Supplier<JsonNode> status)
      throws InterruptedException {
    JsonNode now = status.get();
    for (int attempt = 2; attempt <= properties.maxAttempts(); attempt++) {
      assertThat(now.path("status").asText()).as("before attempt " + attempt).isEqualTo("RUNNING");
      queue.run();
      awaitWorker();
      now = status.get();
      assertThat(failuresOf(kind, id, stuckNo)).isEqualTo(attempt);
    }
    return now;
  }

  /**
   * The reason of an item given up: attempts, the technical cause, what to do, in both languages.
   */
  private void assertGivenUp(JsonNode item, String whatFailedEn, String cause, String whatToDoEn) {
    int maxAttempts = properties.maxAttempts();
    assertThat(item.path("reasonEn").asText())
        .contains(whatFailedEn + " after " + maxAttempts + " attempts")
        .containsIgnoringCase(cause)
        .contains(whatToDoEn)
        .contains("administrator");
    assertThat(item.path("reasonFa").asText())
        .contains("پس از " + PersianText.toPersianDigits(String.valueOf(maxAttempts)) + " بار")
        .containsIgnoringCase(cause)
        .contains("مدیر سامانه");
  }

  @Test
  void aRowThatCannotBeSavedIsRejectedAfterMaxAttemptsAndTheImportEndsWithTheGoodRowsIn()
      throws Exception {
    CohortList list = CohortList.create().row().row().row();
    String stuck = list.get(1, "student_number");
    grantBeforeTheLoginExists(stuck);
    ApiClient api = central();

    long id = CohortList.upload(api, list.bytes()).json().path("id").asLong();
    awaitWorker();
    Supplier<JsonNode> status = () -> api.get("/api/intake/cohorts/" + id).json();
    JsonNode first = status.get();

    // The first failure is taken for a transient one: the row waits for the next run, and the rows
    // after it in its group are done all the same.
    assertThat(first.path("status").asText()).isEqualTo("RUNNING");
    assertThat(first.path("rows").get(1).path("outcome").isNull()).isTrue();
    assertThat(first.path("rows").get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(first.path("rows").get(2).path("outcome").asText()).isEqualTo("ACCEPTED");
    // The group of three failed together, then each row alone: only the stuck row's attempt counts.
    assertThat(failuresOf("cohort", id, 2)).isEqualTo(1);
    assertThat(failuresOf("cohort", id, 1)).isZero();
    assertThat(failuresOf("cohort", id, 3)).isZero();

    JsonNode done = runUntilTheLastAttempt("cohort", id, 2, () -> cohortRun.queue(id), status);

    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.path("done").asInt()).isEqualTo(3);
    assertThat(done.path("accepted").asInt()).isEqualTo(2);
    assertThat(done.path("rejected").asInt()).isEqualTo(1);
    JsonNode row = done.path("rows").get(1);
    assertThat(row.path("outcome").asText()).isEqualTo("REJECTED");
    assertGivenUp(row, "This row could not be saved", "act_uniq_auth_user", "new list");
    String report =
        new String(
            api.get("/api/intake/cohorts/" + id + "/report.csv").body(), StandardCharsets.UTF_8);
    assertThat(report).contains(stuck + ",REJECTED").contains("could not be saved after");

    // Nothing of the failed attempts was kept: no student, no login, no file process.
    assertThat(students.find(stuck)).isEmpty();
    assertThat(identity.createUserQuery().userId(stuck).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(stuck).count())
        .isZero();
    // A run after the end changes nothing.
    cohortRun.queue(id);
    awaitWorker();
    assertThat(status.get().path("rows").get(1)).isEqualTo(row);
    assertThat(failuresOf("cohort", id, 2)).isEqualTo(properties.maxAttempts());
    for (int good : new int[] {0, 2}) {
      String number = list.get(good, "student_number");
      assertThat(students.find(number)).isPresent();
      assertThat(identity.createUserQuery().userId(number).memberOfGroup("students").count())
          .isEqualTo(1);
    }
  }

  @Test
  void aRowThatFailsOnceIsAcceptedOnTheNextAttempt() throws Exception {
    CohortList list = CohortList.create().row();
    String number = list.get(0, "student_number");
    Authorization grant = grantBeforeTheLoginExists(number);
    ApiClient api = central();

    long id = CohortList.upload(api, list.bytes()).json().path("id").asLong();
    awaitWorker();
    assertThat(api.get("/api/intake/cohorts/" + id).json().path("status").asText())
        .isEqualTo("RUNNING");
    assertThat(failuresOf("cohort", id, 1)).isEqualTo(1);
    authorizations.deleteAuthorization(grant.getId());
    cohortRun.queue(id);
    awaitWorker();
    JsonNode done = api.get("/api/intake/cohorts/" + id).json();

    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.path("rows").get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(done.path("accepted").asInt()).isEqualTo(1);
    assertThat(students.find(number)).isPresent();
    assertThat(identity.createUserQuery().userId(number).memberOfGroup("students").count())
        .isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isEqualTo(1);
  }

  @Test
  void anEntryThatCannotBeRecordedGoesToTheUnmatchedQueueAfterMaxAttemptsAndTheBatchEnds()
      throws Exception {
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1403, false), "central.admission");
    String stuckName = student.studentNumber() + "_" + "X".repeat(70) + ".pdf";
    byte[] zip =
        CardArchive.create()
            .add(student.studentNumber() + "_EXAM_CARD.pdf", CardArchive.pdf())
            .add(stuckName, CardArchive.pdf())
            .add(student.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.jpg", CardArchive.jpeg())
            .bytes();
    ApiClient api = central();

    long id = CardArchive.upload(api, zip).json().path("id").asLong();
    awaitWorker();
    Supplier<JsonNode> status = () -> api.get("/api/intake/batches/" + id).json();
    JsonNode first = status.get();
    assertThat(first.path("status").asText()).isEqualTo("RUNNING");
    assertThat(first.path("attached").asInt()).isEqualTo(2);
    assertThat(failuresOf("batch", id, 2)).isEqualTo(1);
    assertThat(failuresOf("batch", id, 1)).isZero();
    assertThat(failuresOf("batch", id, 3)).isZero();

    JsonNode done = runUntilTheLastAttempt("batch", id, 2, () -> batchRun.queue(id), status);

    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.path("attached").asInt()).isEqualTo(2);
    assertThat(done.path("unmatched").asInt()).isEqualTo(1);
    JsonNode entry = done.path("entries").get(1);
    assertThat(entry.path("name").asText()).isEqualTo(stuckName);
    assertThat(entry.path("outcome").asText()).isEqualTo("UNMATCHED");
    assertGivenUp(entry, "This file could not be attached", "too long", "unmatched queue");
    String report =
        new String(
            api.get("/api/intake/batches/" + id + "/report.csv").body(), StandardCharsets.UTF_8);
    assertThat(report).contains(stuckName).contains("could not be attached after");
    assertThat(documents.documentsOf(student.id()))
        .filteredOn(d -> d.typeCode().endsWith("CARD"))
        .hasSize(2);
    // It waits for a clerk, who discards it.
    long entryId = entry.path("id").asLong();
    assertThat(api.get("/api/intake/unmatched").json().findValues("id"))
        .extracting(JsonNode::asLong)
        .contains(entryId);
    assertThat(
            api.postJson(
                    "/api/intake/unmatched/" + entryId + "/discard",
                    Map.of("reason", "نام فایل نادرست است"))
                .status())
        .isEqualTo(200);
  }
}
