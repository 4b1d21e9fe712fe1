package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A faculty clerk finds a task by the student's number or name through engine REST, as Tasklist's
 * «Name like» search does, while the file's process variables stay closed to them.
 */
@ParvandehIntegrationTest
class TaskNamesThroughEngineRestTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void aClerkSearchesTasksByStudentNumberAndNameWithoutReadingVariables() {
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
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    String number = PersianText.toPersianDigits(file.number());

    JsonNode byNumber =
        clerk.engineRest("GET", "/task?maxResults=10&nameLike=" + like(number), null).json();
    JsonNode byName =
        clerk
            .engineRest(
                "GET",
                "/task?maxResults=50&nameLike="
                    + like(file.student().lastName())
                    + "&sortBy=name&sortOrder=asc",
                null)
            .json();

    assertThat(byNumber).hasSize(1);
    assertThat(byNumber.get(0).get("id").asText()).isEqualTo(file.checkTaskId());
    assertThat(byNumber.get(0).get("name").asText())
        .contains(number, file.student().fullName())
        .doesNotContainPattern("[0-9]");
    assertThat(byName.findValuesAsText("id")).contains(file.checkTaskId());
    Response instanceVariables =
        clerk.engineRest(
            "GET", "/process-instance/" + file.processInstanceId() + "/variables", null);
    assertThat(instanceVariables.status() == 403 || instanceVariables.json().isEmpty())
        .as("process variables are closed to the clerk: %s", instanceVariables)
        .isTrue();
    JsonNode history =
        clerk
            .engineRest(
                "GET",
                "/history/variable-instance?maxResults=50&processInstanceId="
                    + file.processInstanceId(),
                null)
            .json();
    assertThat(history.isArray() ? history.findValuesAsText("name") : java.util.List.of())
        .isEmpty();
  }

  @Test
  void aCentralAdmissionClerkSeesTheFacultyInTheTaskName() {
    FileFixture file =
        FileFixture.admit(
            port,
            FileFixture.bachelor("science"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    ApiClient facultyClerk = ApiClient.signedIn(port, "clerk.sci", "parvandeh");
    JsonNode review = facultyClerk.get("/api/tasks/" + file.checkTaskId() + "/review").json();
    tasks.claim(file.checkTaskId(), "clerk.sci");
    review
        .at("/documents")
        .forEach(
            d ->
                facultyClerk.postJson(
                    "/api/tasks/" + file.checkTaskId() + "/reviews",
                    java.util.Map.of("documentId", d.get("id").asLong(), "decision", "ACCEPTED")));
    tasks.complete(file.checkTaskId());

    JsonNode central =
        ApiClient.signedIn(port, "central.admission", "parvandeh")
            .engineRest(
                "GET", "/task?maxResults=10&processInstanceBusinessKey=" + file.number(), null)
            .json();

    assertThat(central).hasSize(1);
    assertThat(central.get(0).get("name").asText())
        .startsWith("بررسی نهایی مدارک")
        .endsWith(
            PersianText.toPersianDigits(file.number())
                + " "
                + file.student().fullName()
                + " (دانشکده علوم پایه)");
  }

  private static String like(String text) {
    return URLEncoder.encode("%" + text + "%", StandardCharsets.UTF_8);
  }
}
