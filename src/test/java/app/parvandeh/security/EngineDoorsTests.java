package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentService;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.workflow.StudentFileProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks a review reproduced against the engine's generic APIs, each tried through both doors
 * in front of the engine: {@code /engine-rest} (HTTP Basic) and the webapps' {@code /camunda/api}
 * (Tasklist's session and CSRF header). Whose file a task belongs to cannot be changed, a task is
 * completed only with its declared outputs, a student has no engine access, and read-only roles
 * write nothing.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorsTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired GraduationClearance clearance;
  @Autowired StudyDocumentWorkflow studyDocuments;

  FileFixture eng;
  FileFixture sci;
  ApiClient clerk;
  ApiClient manager;
  ApiClient processOwner;
  ApiClient admin;

  @BeforeAll
  void files() {
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
    sci =
        FileFixture.admit(
            port,
            FileFixture.bachelor("science"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    manager = ApiClient.signedIn(port, "manager", "parvandeh");
    processOwner = ApiClient.signedIn(port, "process.owner", "parvandeh");
    admin = ApiClient.signedIn(port, "admin", "parvandeh");
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aStudentCannotCompleteTheirUploadTaskOrWriteItsVariablesThroughTheEngine(EngineDoor door) {
    FileFixture fresh =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            List.of(),
            false,
            students,
            runtime,
            management,
            tasks);
    ApiClient student = ApiClient.signedIn(port, fresh.number(), fresh.password());
    Map<String, Object> otherStudent =
        Map.of(
            "variables",
            Map.of(
                StudentFileProcess.VAR_STUDENT_NUMBER,
                Map.of("value", sci.number(), "type", "String")));

    assertRefused(
        door.call(student, "POST", "/task/" + fresh.checkTaskId() + "/complete", otherStudent),
        403,
        "engine-closed-to-students");
    assertRefused(
        door.call(
            student,
            "POST",
            "/task/" + fresh.checkTaskId() + "/variables",
            Map.of("modifications", otherStudent.get("variables"))),
        403,
        "engine-closed-to-students");
    assertRefused(
        door.call(student, "GET", "/task?maxResults=5", null), 403, "engine-closed-to-students");

    Task upload = tasks.createTaskQuery().taskId(fresh.checkTaskId()).singleResult();
    assertThat(upload).as("the upload task is still open").isNotNull();
    assertThat(upload.getTaskDefinitionKey()).isEqualTo(StudentFileProcess.TASK_UPLOAD_DOCUMENTS);
    assertThat(
            runtime.getVariable(fresh.processInstanceId(), StudentFileProcess.VAR_STUDENT_NUMBER))
        .isEqualTo(fresh.number());
    // The portal completes it once the work is done; with nothing uploaded it refuses.
    assertThat(student.post("/api/portal/submit").status()).isEqualTo(409);
    assertThat(tasks.createTaskQuery().taskId(fresh.checkTaskId()).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aClerkCannotCompleteACheckWithAnotherStudentsNumber(EngineDoor door) {
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
    acceptEveryDocument(file);
    String complete = door == EngineDoor.ENGINE_REST ? "/complete" : "/submit-form";
    Response answer =
        door.call(
            clerk,
            "POST",
            "/task/" + file.checkTaskId() + complete,
            Map.of(
                "variables",
                Map.of(
                    StudentFileProcess.VAR_STUDENT_NUMBER,
                    Map.of("value", sci.number(), "type", "String"))));

    assertRefused(answer, 400, "variable-not-declared");
    assertThat(answer.json().get("detail").asText())
        .isEqualTo(StudentFileProcess.VAR_STUDENT_NUMBER);
    assertThat(tasks.createTaskQuery().taskId(file.checkTaskId()).count())
        .as("task still open")
        .isEqualTo(1);
    assertThat(runtime.getVariable(file.processInstanceId(), StudentFileProcess.VAR_STUDENT_NUMBER))
        .isEqualTo(file.number());
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(sci.processInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .as("the other student's file did not move")
        .isEqualTo(StudentFileProcess.TASK_CHECK_FACULTY);

    // Without the smuggled variable the same completion goes through.
    Response done =
        door.call(
            clerk, "POST", "/task/" + file.checkTaskId() + complete, Map.of("variables", Map.of()));
    assertThat(done.status()).as(done.toString()).isIn(200, 204);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(file.processInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(StudentFileProcess.TASK_CHECK_CENTRAL);
  }

  @Test
  void whoseFileATaskIsComesFromTheBusinessKeyEvenWhenTheVariableWasChanged() {
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
    // As an old deployment or a careless script might have: the variable names another faculty's
    // student.
    runtime.setVariable(
        file.processInstanceId(), StudentFileProcess.VAR_STUDENT_NUMBER, sci.number());
    acceptEveryDocument(file);

    Response done = clerk.engineRest("POST", "/task/" + file.checkTaskId() + "/complete", Map.of());
    assertThat(done.status()).as(done.toString()).isEqualTo(204);

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(file.processInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .as("this file's own decisions counted")
        .isEqualTo(StudentFileProcess.TASK_CHECK_CENTRAL);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(sci.processInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(StudentFileProcess.TASK_CHECK_FACULTY);
    assertThat(students.get(sci.number()).stage()).isEqualTo(FileStage.ADMISSION);
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void readOnlyRolesWriteNoCommentAttachmentVariableOrIdentityLink(EngineDoor door) {
    String task = sci.checkTaskId();
    long comments = tasks.getTaskComments(task).size();
    for (ApiClient readOnly : List.of(manager, processOwner)) {
      assertRefused(
          door.call(
              readOnly, "POST", "/task/" + task + "/comment/create", Map.of("message", "probe")),
          403,
          "engine-change-refused");
      assertRefused(
          door.call(
              readOnly,
              "POST",
              "/task/" + task + "/identity-links",
              Map.of("groupId", "faculty-engineering", "type", "candidate")),
          403,
          "engine-change-refused");
      assertRefused(
          door.call(
              readOnly,
              "PUT",
              "/task/" + task + "/localVariables/probe",
              Map.of("value", "x", "type", "String")),
          403,
          "engine-change-refused");
      assertRefused(
          door.call(
              readOnly,
              "PUT",
              "/process-instance/" + sci.processInstanceId() + "/variables/probe",
              Map.of("value", "x", "type", "String")),
          403,
          "engine-change-refused");
      assertRefused(
          door.call(
              readOnly,
              "POST",
              "/message",
              Map.of("messageName", "StudyEnded", "businessKey", sci.number())),
          403,
          "engine-change-refused");
    }
    assertThat(tasks.getTaskComments(task)).hasSize((int) comments);
    assertThat(tasks.getIdentityLinksForTask(task))
        .noneMatch(l -> "faculty-engineering".equals(l.getGroupId()));
    assertThat(tasks.getVariableLocal(task, "probe")).isNull();
    assertThat(runtime.getVariable(sci.processInstanceId(), "probe")).isNull();
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aClerkMovesNoTaskToAnotherGroupAndWritesNoVariableDirectly(EngineDoor door) {
    String task = eng.checkTaskId();
    assertRefused(
        door.call(
            clerk,
            "POST",
            "/task/" + task + "/identity-links",
            Map.of("groupId", "faculty-science", "type", "candidate")),
        403,
        "engine-change-refused");
    assertRefused(
        door.call(
            clerk,
            "PUT",
            "/task/" + task + "/variables/" + StudentFileProcess.VAR_FACULTY_GROUP,
            Map.of("value", "faculty-science", "type", "String")),
        403,
        "engine-change-refused");
    assertRefused(
        door.call(clerk, "POST", "/task/" + task + "/attachment/create", Map.of()),
        403,
        "engine-change-refused");
    assertThat(tasks.getIdentityLinksForTask(task))
        .noneMatch(l -> "faculty-science".equals(l.getGroupId()));
    // Claiming and handing back the task is a clerk's work, through either door.
    Response claim =
        door.call(clerk, "POST", "/task/" + task + "/claim", Map.of("userId", "clerk.eng"));
    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    Response unclaim = door.call(clerk, "POST", "/task/" + task + "/unclaim", null);
    assertThat(unclaim.status()).as(unclaim.toString()).isEqualTo(204);
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void evenAnAdminWritesNoFileIdentityVariable(EngineDoor door) {
    String instance = sci.processInstanceId();
    Map<String, Object> other = Map.of("value", eng.number(), "type", "String");
    assertRefused(
        door.call(
            admin,
            "PUT",
            "/process-instance/" + instance + "/variables/" + StudentFileProcess.VAR_STUDENT_NUMBER,
            other),
        400,
        "file-identity-variable");
    assertRefused(
        door.call(
            admin,
            "POST",
            "/process-instance/" + instance + "/variables",
            Map.of("modifications", Map.of(StudentFileProcess.VAR_FACULTY_GROUP, other))),
        400,
        "file-identity-variable");
    assertRefused(
        door.call(
            admin,
            "POST",
            "/process-instance/" + instance + "/variables",
            Map.of("deletions", List.of(StudentFileProcess.VAR_STUDENT_USER_ID))),
        400,
        "file-identity-variable");
    assertRefused(
        door.call(
            admin,
            "POST",
            "/process-instance/" + instance + "/modification",
            Map.of(
                "instructions",
                List.of(
                    Map.of(
                        "type",
                        "startBeforeActivity",
                        "activityId",
                        StudentFileProcess.TASK_CHECK_FACULTY,
                        "variables",
                        Map.of(StudentFileProcess.VAR_STUDENT_NUMBER, other))))),
        400,
        "file-identity-variable");
    assertRefused(
        door.call(
            admin,
            "POST",
            "/message",
            Map.of(
                "messageName",
                "StudyEnded",
                "businessKey",
                sci.number(),
                "processVariables",
                Map.of(StudentFileProcess.VAR_CLEARANCE_GROUP, other))),
        400,
        "file-identity-variable");
    assertRefused(
        door.call(
            admin,
            "POST",
            "/task/" + sci.checkTaskId() + "/complete",
            Map.of(
                "variables",
                Map.of("documentsAccepted", Map.of("value", true, "type", "Boolean")))),
        400,
        "variable-not-declared");
    assertThat(runtime.getVariables(instance))
        .containsEntry(StudentFileProcess.VAR_STUDENT_NUMBER, sci.number())
        .containsEntry(StudentFileProcess.VAR_FACULTY_GROUP, "faculty-science")
        .containsKey(StudentFileProcess.VAR_STUDENT_USER_ID);
    assertThat(tasks.createTaskQuery().taskId(sci.checkTaskId()).count()).isEqualTo(1);
  }

  @Test
  void aTaskTakesItsDeclaredOutputsAndNothingElse() {
    ClearanceFixture cleared =
        ClearanceFixture.at(
            ClearanceFixture.Step.CLEARED,
            new ClearanceFixture.Services(
                students, studyDocuments, clearance, runtime, tasks, management));
    ApiClient office = ApiClient.signedIn(port, "graduates.office", "parvandeh");
    EngineDoor.WEBAPP_API.call(
        office,
        "POST",
        "/task/" + cleared.taskId() + "/claim",
        Map.of("userId", "graduates.office"));
    Map<String, Object> asked = Map.of("value", true, "type", "Boolean");

    Response extra =
        EngineDoor.WEBAPP_API.call(
            office,
            "POST",
            "/task/" + cleared.taskId() + "/submit-form",
            Map.of(
                "variables",
                Map.of(
                    "graduateAskedInPerson",
                    asked,
                    "issuedDocuments",
                    Map.of("value", "x", "type", "String"))));
    assertRefused(extra, 400, "variable-not-declared");
    assertThat(extra.json().get("messageFa").asText()).contains("issuedDocuments");
    assertThat(tasks.createTaskQuery().taskId(cleared.taskId()).count()).isEqualTo(1);

    Response declared =
        EngineDoor.WEBAPP_API.call(
            office,
            "POST",
            "/task/" + cleared.taskId() + "/submit-form",
            Map.of("variables", Map.of("graduateAskedInPerson", asked)));
    assertThat(declared.status()).as(declared.toString()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(cleared.taskId()).count()).isZero();
  }

  @Test
  void tasklistsOwnCallsStillWorkForAClerk() {
    String engineApi = "/camunda/api/engine/engine/default";
    Map<String, String> headers = ExpressionQueryExploitTests.webappHeaders(clerk);
    for (String query :
        List.of(
            "/task?maxResults=5",
            "/task/count",
            "/process-instance/count",
            "/history/task?maxResults=5",
            "/variable-instance?maxResults=5")) {
      Response answer = clerk.call("POST", engineApi + query, headers, "{}");
      assertThat(answer.status()).as(query + " " + answer).isEqualTo(200);
    }
    Response followUp = clerk.call("GET", engineApi + "/task/" + eng.checkTaskId(), headers, null);
    assertThat(followUp.status()).isEqualTo(200);
    JsonNode task = followUp.json();
    Response update =
        clerk.call(
            "PUT",
            engineApi + "/task/" + eng.checkTaskId(),
            headers,
            EngineDoor.json(
                Map.of(
                    "name",
                    task.get("name").asText(),
                    "followUp",
                    "2027-01-10T10:00:00.000+0000")));
    assertThat(update.status()).as(update.toString()).isEqualTo(204);
    assertRefused(
        clerk.call(
            "POST", engineApi + "/task/create", headers, EngineDoor.json(Map.of("name", "probe"))),
        403,
        "engine-change-refused");
    assertRefused(
        clerk.call("DELETE", engineApi + "/task/" + eng.checkTaskId(), headers, null),
        403,
        "engine-change-refused");
  }

  private void acceptEveryDocument(FileFixture file) {
    clerk.engineRest(
        "POST", "/task/" + file.checkTaskId() + "/claim", Map.of("userId", "clerk.eng"));
    JsonNode review = clerk.get("/api/tasks/" + file.checkTaskId() + "/review").json();
    Stream.of(review.get("documents"))
        .flatMap(d -> java.util.stream.StreamSupport.stream(d.spliterator(), false))
        .forEach(
            document ->
                assertThat(
                        clerk
                            .postJson(
                                "/api/tasks/" + file.checkTaskId() + "/reviews",
                                Map.of(
                                    "documentId",
                                    document.get("id").asLong(),
                                    "decision",
                                    "ACCEPTED"))
                            .status())
                    .isEqualTo(200));
    DueJobs.run(management, file.processInstanceId());
  }

  private static void assertRefused(Response answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.json().get("code").asText()).isEqualTo(code);
    assertThat(answer.json().get("messageFa").asText()).isNotBlank();
    assertThat(answer.json().get("messageEn").asText()).isNotBlank();
  }
}
