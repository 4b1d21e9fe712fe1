package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people finish the same task at the same instant, through each door: our API (the student's
 * "send for review" from two sessions), {@code /engine-rest} (HTTP Basic) and the webapps' API
 * (Tasklist's submit-form). Every round exactly one succeeds and the other gets 409 with a Persian
 * and an English message, never a 500 or the engine's internals.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentTaskCompletionTests {

  static final int ROUNDS = 5;

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  String secondClerk;
  ExecutorService pool;

  @BeforeAll
  void secondClerkOfEngineering() {
    secondClerk = "clerk.eng." + (100000 + ThreadLocalRandom.current().nextInt(900000));
    User user = identity.newUser(secondClerk);
    user.setFirstName("نرگس");
    user.setLastName("کاظمی");
    user.setPassword("parvandeh");
    identity.saveUser(user);
    identity.createMembership(secondClerk, "faculty-engineering");
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  void cleanUp() {
    pool.shutdownNow();
    identity.deleteUser(secondClerk);
  }

  @Test
  void twoSessionsOfAStudentSendingForReviewAtOnceGetOneSuccessAndOneConflict() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      FileFixture file =
          FileFixture.admit(
              port,
              FileFixture.bachelor("engineering"),
              FileFixture.ADMISSION_1402,
              false,
              students,
              runtime,
              management,
              tasks);
      ApiClient first = ApiClient.signedIn(port, file.number(), file.password());
      ApiClient second = ApiClient.signedIn(port, file.number(), file.password());
      assertOneWinsOneConflicts(race(first, second, c -> c.post("/api/portal/submit")));
    }
  }

  @Test
  void twoClerksCompletingTheSameCheckThroughEngineRestGetOneSuccessAndOneConflict()
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      FileFixture file = reviewedCheck();
      ApiClient first = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
      ApiClient second = ApiClient.signedIn(port, secondClerk, "parvandeh");
      assertOneWinsOneConflicts(
          race(
              first,
              second,
              c -> c.engineRest("POST", "/task/" + file.checkTaskId() + "/complete", Map.of())));
    }
  }

  @Test
  void twoClerksSubmittingTheSameCheckFormInTasklistGetOneSuccessAndOneConflict() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      FileFixture file = reviewedCheck();
      ApiClient first = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
      ApiClient second = ApiClient.signedIn(port, secondClerk, "parvandeh");
      Map<String, String> firstHeaders = ExpressionQueryExploitTests.webappHeaders(first);
      Map<String, String> secondHeaders = ExpressionQueryExploitTests.webappHeaders(second);
      String path =
          "/camunda/api/engine/engine/default/task/" + file.checkTaskId() + "/submit-form";
      assertOneWinsOneConflicts(
          race(
              first,
              second,
              c ->
                  c.call(
                      "POST",
                      path,
                      c == first ? firstHeaders : secondHeaders,
                      "{\"variables\":{}}")));
    }
  }

  /**
   * A file sent for the faculty check with a decision on every document, so the check may be
   * completed.
   */
  private FileFixture reviewedCheck() {
    FileFixture file =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    for (DocumentView document : documents.admissionDocumentsOf(file.student().id())) {
      documents.review(
          file.student().id(),
          document.id(),
          ReviewStage.FACULTY,
          ReviewDecision.ACCEPTED,
          null,
          "clerk.eng",
          file.checkTaskId());
    }
    return file;
  }

  private List<Response> race(ApiClient first, ApiClient second, Function<ApiClient, Response> call)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Response>> answers = new ArrayList<>();
    for (ApiClient client : List.of(first, second)) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return call.apply(client);
              }));
    }
    List<Response> responses = new ArrayList<>();
    for (Future<Response> answer : answers) {
      responses.add(answer.get());
    }
    return responses;
  }

  private static void assertOneWinsOneConflicts(List<Response> responses) {
    assertThat(responses)
        .as(responses.toString())
        .filteredOn(r -> r.status() / 100 == 2)
        .hasSize(1);
    Response loser =
        responses.stream().filter(r -> r.status() / 100 != 2).findFirst().orElseThrow();
    assertThat(loser.status()).as(loser.toString()).isEqualTo(409);
    JsonNode body = loser.json();
    assertThat(body.get("messageFa").asText()).as(loser.toString()).isNotBlank();
    assertThat(body.get("messageEn").asText()).as(loser.toString()).isNotBlank();
    assertThat(loser.text())
        .as("engine internals")
        .doesNotContain("ENGINE-", "Exception", "UPDATE ", "Entity");
  }
}
