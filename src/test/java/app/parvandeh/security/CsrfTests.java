package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A forged cross-site POST carries the victim's session cookie but no CSRF token: our API, our
 * sign-in and sign-out, and Camunda's webapp API all refuse it (ours: cookie PARVANDEH-XSRF →
 * header X-PARVANDEH-XSRF; Camunda's: cookie XSRF-TOKEN → header X-XSRF-TOKEN).
 */
@ParvandehIntegrationTest
class CsrfTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  FileFixture file;
  ApiClient clerk;

  @BeforeEach
  void aFileWaitingForTheFaculty() {
    file =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
  }

  @Test
  void ourApiRefusesAPostWithoutTheToken() {
    Response forged =
        clerk.call(
            "POST",
            "/api/tasks/" + file.checkTaskId() + "/reviews",
            Map.of("Content-Type", "application/json"),
            "{\"documentId\": 1, \"decision\": \"ACCEPTED\"}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().get("code").asText()).isEqualTo("csrf");
    Response wrongToken =
        clerk.call(
            "POST",
            "/api/tasks/" + file.checkTaskId() + "/reviews",
            Map.of("Content-Type", "application/json", "X-PARVANDEH-XSRF", "forged"),
            "{}");
    assertThat(wrongToken.status()).isEqualTo(403);
  }

  @Test
  void signOutAndSignInRefuseAPostWithoutTheToken() {
    assertThat(clerk.call("POST", "/logout", Map.of(), null).status()).isEqualTo(403);
    assertThat(clerk.get("/api/me").status()).as("still signed in").isEqualTo(200);
    ApiClient stranger = ApiClient.anonymous(port);
    stranger.get("/login");
    Response login =
        stranger.call(
            "POST",
            "/login",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "username=clerk.eng&password=parvandeh");
    assertThat(login.status()).isEqualTo(403);
    assertThat(stranger.get("/api/me").status()).isEqualTo(401);
    // With the token, sign-out works.
    assertThat(
            clerk
                .call(
                    "POST",
                    "/logout",
                    Map.of("X-PARVANDEH-XSRF", clerk.cookie("PARVANDEH-XSRF")),
                    null)
                .status())
        .isEqualTo(302);
    assertThat(clerk.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void camundasWebappApiRefusesAPostWithoutItsToken() {
    String claim = "/camunda/api/engine/engine/default/task/" + file.checkTaskId() + "/claim";
    clerk.get("/camunda/app/tasklist/default/");
    Response forged =
        clerk.call(
            "POST",
            claim,
            Map.of("Content-Type", "application/json"),
            "{\"userId\": \"clerk.eng\"}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getAssignee())
        .isNull();
    Response wrongToken =
        clerk.call(
            "POST",
            claim,
            Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", "forged"),
            "{\"userId\": \"clerk.eng\"}");
    assertThat(wrongToken.status()).as(wrongToken.toString()).isIn(401, 403);
    assertThat(tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getAssignee())
        .isNull();

    // A refused forgery also ends the session (fail closed); the clerk signs in again and
    // Tasklist's way works.
    clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    Map<String, String> headers = ExpressionQueryExploitTests.webappHeaders(clerk);
    Response claimed = clerk.call("POST", claim, headers, "{\"userId\": \"clerk.eng\"}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getAssignee())
        .isEqualTo("clerk.eng");
  }
}
