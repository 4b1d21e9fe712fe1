package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist reads a task's comments whenever a clerk opens it. The engine looks the task up in its
 * history for that read, which clerks may not read, and answered 404 (a console error on every
 * task). Through both doors a clerk now gets the comments of a task the engine shows them, and an
 * empty list for another faculty's task.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskCommentReadsTests {

  static final String NOTE = "یادداشت مدیر سامانه برای این کار";

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  FileFixture eng;
  ApiClient engClerk;
  ApiClient sciClerk;

  @BeforeAll
  void aTaskWithAComment() {
    eng =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    identity.setAuthenticatedUserId("admin");
    try {
      tasks.createComment(eng.checkTaskId(), eng.processInstanceId(), NOTE);
    } finally {
      identity.clearAuthentication();
    }
    engClerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    sciClerk = ApiClient.signedIn(port, "clerk.sci", "parvandeh");
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aClerkReadsTheCommentsOfATaskTheyMayWorkOn(EngineDoor door) {
    Response answer = door.call(engClerk, "GET", "/task/" + eng.checkTaskId() + "/comment", null);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode comments = answer.json();
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("message").asText()).isEqualTo(NOTE);
    assertThat(comments.get(0).get("userId").asText()).isEqualTo("admin");
    assertThat(comments.get(0).get("taskId").asText()).isEqualTo(eng.checkTaskId());
    assertThat(comments.get(0).get("time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void anotherFacultysClerkGetsNoCommentsAndNoError(EngineDoor door) {
    Response answer = door.call(sciClerk, "GET", "/task/" + eng.checkTaskId() + "/comment", null);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void writingACommentIsStillRefusedToAClerk(EngineDoor door) {
    Response answer =
        door.call(
            engClerk,
            "POST",
            "/task/" + eng.checkTaskId() + "/comment/create",
            Map.of("message", "probe"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(tasks.getTaskComments(eng.checkTaskId())).hasSize(1);
  }
}
