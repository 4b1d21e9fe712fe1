package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.intake.internal.CohortImportRun;
import app.parvandeh.intake.internal.IntakeProperties;
import app.parvandeh.intake.internal.IntakeWorker;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * A row whose saving fails for a reason that is not a refusal (here a real one: an administrator
 * granted the future student's login a permission in Camunda Admin before the file existed, so
 * Camunda's default authorization for the new user collides with it) is tried again at each resume
 * and, after {@code parvandeh.intake.max-attempts}, rejected with a reason the clerk can act on;
 * the import then ends. Resumes are run here one by one, as the periodic look would run them.
 */
@ParvandehIntegrationTest
class CohortRowFailureTests {

  @LocalServerPort int port;
  @Autowired CohortImportRun run;
  @Autowired IntakeWorker worker;
  @Autowired IntakeProperties properties;
  @Autowired StudentService students;
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

  /** One more run of the import, as the periodic look for unfinished imports starts it. */
  private JsonNode resume(ApiClient api, long id) throws InterruptedException {
    run.queue(id);
    awaitWorker();
    return api.get("/api/intake/cohorts/" + id).json();
  }

  private int failuresOf(long importId, int rowNo) {
    Integer failures =
        jdbc.query(
            "select failures from intake_attempt where kind = 'cohort' and import_id = ? and item_no = ?",
            rs -> rs.next() ? rs.getInt(1) : 0,
            importId,
            rowNo);
    return failures == null ? 0 : failures;
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
    JsonNode first = api.get("/api/intake/cohorts/" + id).json();
    int maxAttempts = properties.maxAttempts();

    // The first failure is taken for a transient one: the row waits for the next resume.
    assertThat(first.path("status").asText()).isEqualTo("RUNNING");
    assertThat(first.path("rows").get(1).path("outcome").isNull()).isTrue();
    assertThat(first.path("rows").get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(first.path("rows").get(2).path("outcome").asText()).isEqualTo("ACCEPTED");
    // The group of three failed together, then each row alone: only the stuck row's attempt counts.
    assertThat(failuresOf(id, 2)).isEqualTo(1);
    assertThat(failuresOf(id, 1)).isZero();
    assertThat(failuresOf(id, 3)).isZero();

    JsonNode done = first;
    for (int attempt = 2; attempt <= maxAttempts; attempt++) {
      assertThat(done.path("status").asText()).as("before attempt " + attempt).isEqualTo("RUNNING");
      done = resume(api, id);
      assertThat(failuresOf(id, 2)).isEqualTo(attempt);
    }

    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.path("done").asInt()).isEqualTo(3);
    assertThat(done.path("accepted").asInt()).isEqualTo(2);
    assertThat(done.path("rejected").asInt()).isEqualTo(1);
    JsonNode row = done.path("rows").get(1);
    assertThat(row.path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(row.path("reasonEn").asText())
        .contains("could not be saved after " + maxAttempts + " attempts")
        .containsIgnoringCase("act_uniq_auth_user")
        .contains("new list")
        .contains("administrator");
    assertThat(row.path("reasonFa").asText())
        .contains("پس از " + app.parvandeh.shared.PersianText.toPersianDigits("" + maxAttempts))
        .contains("مدیر سامانه");
    String report =
        new String(
            api.get("/api/intake/cohorts/" + id + "/report.csv").body(), StandardCharsets.UTF_8);
    assertThat(report).contains(stuck + ",REJECTED").contains("could not be saved after");

    // Nothing of the failed attempts was kept: no student, no login, no file process.
    assertThat(students.find(stuck)).isEmpty();
    assertThat(identity.createUserQuery().userId(stuck).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(stuck).count())
        .isZero();
    // A resume after the end changes nothing.
    assertThat(resume(api, id).path("rows").get(1).path("reasonEn").asText())
        .isEqualTo(row.path("reasonEn").asText());
    assertThat(failuresOf(id, 2)).isEqualTo(maxAttempts);
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
    assertThat(failuresOf(id, 1)).isEqualTo(1);
    authorizations.deleteAuthorization(grant.getId());
    JsonNode done = resume(api, id);

    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.path("rows").get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(done.path("accepted").asInt()).isEqualTo(1);
    assertThat(students.find(number)).isPresent();
    assertThat(identity.createUserQuery().userId(number).memberOfGroup("students").count())
        .isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isEqualTo(1);
  }
}
