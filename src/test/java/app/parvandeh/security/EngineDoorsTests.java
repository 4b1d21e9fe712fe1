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
import app.parvandeh.support.StaffUsers;
import app.parvandeh.workflow.StudentFileProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired GraduationClearance clearance;
  @Autowired StudyDocumentWorkflow studyDocuments;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  FileFixture eng;
  FileFixture sci;
  ApiClient clerk;
  ApiClient manager;
  ApiClient processOwner;
  ApiClient admin;

  @BeforeAll
  void files() {
    eng = submittedFile("engineering");
    sci = submittedFile("science");
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
    FileFixture file = submittedFile("engineering");
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
    FileFixture file = submittedFile("engineering");
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
    // Tasklist sends the task as it read it, with the new follow-up date
    ObjectNode task = (ObjectNode) followUp.json();
    task.put("followUp", "2027-01-10T10:00:00.000+0000");
    Response update =
        clerk.call("PUT", engineApi + "/task/" + eng.checkTaskId(), headers, task.toString());
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

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aProcessStartsOnlyAtItsStartEventWhereTheFileIsCheckedEvenForAnAdmin(EngineDoor door) {
    ApiClient otherFaculty = ApiClient.signedIn(port, "clerk.sci", "parvandeh");
    long before = studyDocumentProcessesOf(eng.number());
    Map<String, Object> forged =
        Map.of(
            "businessKey",
            eng.number(),
            "skipCustomListeners",
            true,
            "startInstructions",
            List.of(
                Map.of(
                    "type",
                    "startBeforeActivity",
                    "activityId",
                    "Task_RecordServiceCounterNote",
                    "variables",
                    Map.of("registeredBy", Map.of("value", "clerk.eng")))));

    assertRefused(
        door.call(
            otherFaculty, "POST", "/process-definition/key/StudyDocumentProcess/start", forged),
        400,
        "start-at-start-event");
    Map<String, Object> withoutSkipping = new HashMap<>(forged);
    withoutSkipping.remove("skipCustomListeners");
    assertRefused(
        door.call(
            clerk, "POST", "/process-definition/key/StudyDocumentProcess/start", withoutSkipping),
        400,
        "start-at-start-event");
    assertRefused(
        door.call(
            clerk,
            "POST",
            "/process-definition/key/StudyDocumentProcess/start",
            Map.of("businessKey", eng.number(), "skipIoMappings", true)),
        400,
        "start-at-start-event");
    assertRefused(
        door.call(admin, "POST", "/process-definition/key/StudyDocumentProcess/start", forged),
        400,
        "start-at-start-event");
    Map<String, Object> asAnotherStudent =
        Map.of(
            "businessKey",
            eng.number(),
            "variables",
            Map.of("studentUserId", Map.of("value", "process.owner", "type", "String")));
    Response identity =
        door.call(
            clerk, "POST", "/process-definition/key/StudyDocumentProcess/start", asAnotherStudent);
    assertThat(identity.status()).as(identity.toString()).isEqualTo(400);
    assertThat(identity.json().path("code").asText())
        .isIn("variable-not-declared", "file-identity-variable");
    assertRefused(
        door.call(
            otherFaculty,
            "POST",
            "/process-definition/key/StudyDocumentProcess/start",
            Map.of("businessKey", eng.number())),
        403,
        "file-change-refused");
    assertRefused(
        door.call(
            clerk,
            "POST",
            "/process-definition/key/StudyDocumentProcess/start",
            Map.of(
                "businessKey",
                eng.number(),
                "variables",
                Map.of("studentNumber", Map.of("value", sci.number(), "type", "String")))),
        403,
        "file-change-refused");
    String fileProcess = latestFileProcess();
    for (String path :
        List.of(
            "/process-definition/key/StudentFileProcess/start",
            "/process-definition/" + fileProcess + "/start")) {
      assertRefused(
          door.call(admin, "POST", path, Map.of("businessKey", eng.number())),
          403,
          "start-refused");
    }

    assertThat(studyDocumentProcessesOf(eng.number())).isEqualTo(before);
  }

  @Test
  void aBodyDeclaredJsonThatIsNotJsonIsRefusedNotPassedOnUnchecked() {
    Response answer =
        clerk.call(
            "POST",
            "/engine-rest/process-definition/key/StudyDocumentProcess/start",
            Map.of(
                "Content-Type",
                "application/json",
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("clerk.eng:parvandeh".getBytes())),
            "{\"businessKey\": \""
                + eng.number()
                + "\", /* a comment */ \"startInstructions\": []}");
    assertRefused(answer, 400, "body-not-json");
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aTaskIsClaimedForOneselfAndHandedOnlyWithinItsCandidateGroups(EngineDoor door) {
    String task = eng.checkTaskId();
    String colleague = "colleague-" + door.name().toLowerCase(Locale.ROOT);
    if (identity.createUserQuery().userId(colleague).count() == 0) {
      StaffUsers.create(identity, colleague, "faculty-engineering");
    }

    assertRefused(
        door.call(clerk, "POST", "/task/" + task + "/claim", Map.of("userId", "clerk.sci")),
        403,
        "assignment-refused");
    assertRefused(
        door.call(clerk, "POST", "/task/" + task + "/assignee", Map.of("userId", "clerk.sci")),
        403,
        "assignment-refused");
    assertRefused(
        door.call(clerk, "POST", "/task/" + task + "/claim", Map.of("userId", colleague)),
        403,
        "assignment-refused");
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .userIdIn("clerk.sci")
                .resourceType(Resources.TASK)
                .resourceId(task)
                .count())
        .as("no grant on the task reached the other faculty")
        .isZero();

    // handing it to a colleague of the task's group, and back, is a clerk's work
    Response handed =
        door.call(clerk, "POST", "/task/" + task + "/assignee", Map.of("userId", colleague));
    assertThat(handed.status()).as(handed.toString()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo(colleague);
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("userId", null);
    Response back = door.call(clerk, "POST", "/task/" + task + "/assignee", nobody);
    assertThat(back.status()).as(back.toString()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aTaskUpdateChangesItsFollowUpDateOnlyNotItsDueDateNameOwnerOrPriority(EngineDoor door) {
    String task = eng.checkTaskId();
    Task before = tasks.createTaskQuery().taskId(task).singleResult();
    assertThat(before.getDueDate()).as("the model gives the check a due date").isNotNull();
    ObjectNode read = (ObjectNode) door.call(clerk, "GET", "/task/" + task, null).json();

    for (Map.Entry<String, Object> change :
        Map.<String, Object>of(
                "due", "2099-01-01T00:00:00.000+0000",
                "name", "پرونده دیگر",
                "owner", "grad.studies",
                "priority", 1,
                "assignee", "clerk.sci")
            .entrySet()) {
      ObjectNode update = read.deepCopy();
      update.set(change.getKey(), JSON.valueToTree(change.getValue()));
      assertRefused(door.call(clerk, "PUT", "/task/" + task, update), 403, "task-update-refused");
    }
    // a body without the due date would clear it
    assertRefused(
        door.call(clerk, "PUT", "/task/" + task, Map.of("name", before.getName())),
        403,
        "task-update-refused");

    Task after = tasks.createTaskQuery().taskId(task).singleResult();
    assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
    assertThat(after.getName()).isEqualTo(before.getName());
    assertThat(after.getOwner()).isEqualTo(before.getOwner());
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .userIdIn("grad.studies", "clerk.sci")
                .resourceType(Resources.TASK)
                .resourceId(task)
                .count())
        .isZero();

    ObjectNode followUp = read.deepCopy();
    followUp.put("followUp", "2027-02-01T09:30:00.000+0330");
    Response moved = door.call(clerk, "PUT", "/task/" + task, followUp);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getFollowUpDate().toInstant())
        .isEqualTo(Instant.parse("2027-02-01T06:00:00Z"));
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aProcessOwnerMovesAFileStepForStepOnlyWithNoVariablesOrSkippedListeners(EngineDoor door) {
    FileFixture file = submittedFile("engineering");
    String definition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(file.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();
    ObjectNode plan =
        (ObjectNode)
            door.call(
                    processOwner,
                    "POST",
                    "/migration/generate",
                    Map.of(
                        "sourceProcessDefinitionId", definition,
                        "targetProcessDefinitionId", definition,
                        "updateEventTriggers", true))
                .json();
    ObjectNode skipReview = plan.deepCopy();
    skipReview.set(
        "instructions",
        JSON.valueToTree(
            List.of(
                Map.of(
                    "sourceActivityIds", List.of("Task_CheckDocumentsFaculty"),
                    "targetActivityIds", List.of("Task_CheckDocumentsCentral")))));
    ObjectNode withVariables = plan.deepCopy();
    withVariables.set(
        "variables", JSON.valueToTree(Map.of("documentsAccepted", Map.of("value", true))));
    for (String path : List.of("/migration/execute", "/migration/executeAsync")) {
      for (Map<String, Object> migration :
          List.of(
              // step for step, but within the file's own version: nothing to move
              Map.<String, Object>of(
                  "migrationPlan", plan, "processInstanceIds", List.of(file.processInstanceId())),
              Map.<String, Object>of(
                  "migrationPlan",
                  skipReview,
                  "processInstanceIds",
                  List.of(file.processInstanceId())),
              Map.<String, Object>of(
                  "migrationPlan",
                  withVariables,
                  "processInstanceIds",
                  List.of(file.processInstanceId())),
              Map.<String, Object>of(
                  "migrationPlan",
                  plan,
                  "processInstanceIds",
                  List.of(file.processInstanceId()),
                  "skipCustomListeners",
                  true))) {
        assertRefused(
            door.call(processOwner, "POST", path, migration), 400, "migration-step-for-step");
      }
    }
    assertThat(runtime.getActiveActivityIds(file.processInstanceId()))
        .containsExactly("Task_CheckDocumentsFaculty");
    assertThat(runtime.getVariable(file.processInstanceId(), "documentsAccepted")).isNull();

    // Our own API moves nothing within one version either.
    int version = repository.getProcessDefinition(definition).getVersion();
    JsonNode ours =
        processOwner
            .postJson(
                "/api/admin/migrations",
                Map.of("sourceVersion", version, "targetVersion", version, "dryRun", false))
            .json();
    assertThat(ours.get("migrated").asInt()).as(ours.toString()).isZero();
    assertThat(ours.get("planProblems")).isNotEmpty();
    // Camunda's migration within one version would have left the next files without their task
    // timers (the check's reminder and escalation).
    FileFixture next = submittedFile("engineering");
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(next.processInstanceId())
                .timers()
                .count())
        .isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aTaskUpdateTellsAClerkNothingAboutAnotherFacultysTask(EngineDoor door) {
    ApiClient otherFaculty = ApiClient.signedIn(port, "clerk.sci", "parvandeh");
    String task = eng.checkTaskId();
    Task before = tasks.createTaskQuery().taskId(task).singleResult();
    Response answer =
        door.call(
            otherFaculty,
            "PUT",
            "/task/" + task,
            Map.of("name", before.getName(), "assignee", eng.number(), "priority", 50));
    assertThat(answer.status()).as(answer.toString()).isIn(403, 404);
    assertThat(answer.toString())
        .as("no field of the task is named, as the guard would name what differs")
        .doesNotContain("task-update-refused")
        .doesNotContain("due")
        .doesNotContain("priority");
    Task after = tasks.createTaskQuery().taskId(task).singleResult();
    assertThat(after.getName()).isEqualTo(before.getName());
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
  }

  /** A new bachelor's file of the faculty, its admission documents submitted for the check. */
  private FileFixture submittedFile(String faculty) {
    return FileFixture.admit(
        port,
        FileFixture.bachelor(faculty),
        FileFixture.ADMISSION_1402,
        true,
        students,
        runtime,
        management,
        tasks);
  }

  private long studyDocumentProcessesOf(String studentNumber) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("StudyDocumentProcess")
        .processInstanceBusinessKey(studentNumber)
        .count();
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void onlyCockpitsUsersReadTheEngineWideCountsAndJobLogOfEveryFaculty(EngineDoor door) {
    String definition = latestFileProcess();
    List<String> counts =
        List.of(
            "/process-definition/statistics?incidents=true",
            "/process-definition/" + definition + "/statistics",
            "/process-definition/key/StudentFileProcess/statistics",
            "/history/process-definition/" + definition + "/statistics",
            "/metrics/activity-instance-start/sum",
            "/metrics?maxResults=5",
            "/history/job-log?maxResults=5",
            "/history/job-log/count",
            "/job?maxResults=5",
            "/job/count");
    for (String user : List.of("clerk.eng", "central.records", "graduates.office")) {
      ApiClient staff = ApiClient.signedIn(port, user, "parvandeh");
      for (String path : counts) {
        assertRefused(door.call(staff, "GET", path, null), 403, "engine-counts-refused");
      }
    }
    for (ApiClient cockpitUser : List.of(manager, processOwner, admin)) {
      for (String path : counts) {
        Response answer = door.call(cockpitUser, "GET", path, null);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
      }
    }
    assertRefused(
        door.call(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh"),
            "POST",
            "/history/job-log?maxResults=5",
            Map.of("jobDefinitionType", "batch-seed-job")),
        403,
        "engine-counts-refused");
    Response statistics =
        door.call(manager, "GET", "/process-definition/key/StudentFileProcess/statistics", null);
    assertThat(statistics.json().findValues("instances")).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aTasksSingleCommentsAndAttachmentsAreReadOnlyByThoseTheTaskIsShownTo(EngineDoor door) {
    String task = eng.checkTaskId();
    String comment =
        tasks.createComment(task, eng.processInstanceId(), "یادداشت داخلی دانشکده").getId();
    String attachment =
        tasks
            .createAttachment(
                "text/plain",
                task,
                eng.processInstanceId(),
                "note.txt",
                "پیوست",
                new ByteArrayInputStream("secret".getBytes(StandardCharsets.UTF_8)))
            .getId();
    ApiClient otherFaculty = ApiClient.signedIn(port, "clerk.sci", "parvandeh");
    List<String> reads =
        List.of(
            "/task/" + task + "/comment/" + comment,
            "/task/" + task + "/attachment",
            "/task/" + task + "/attachment/" + attachment,
            "/task/" + task + "/attachment/" + attachment + "/data");
    try {
      for (String path : reads) {
        assertRefused(door.call(otherFaculty, "GET", path, null), 404, "task-not-found");
      }
      Response own = door.call(clerk, "GET", reads.get(0), null);
      assertThat(own.status()).as(own.toString()).isEqualTo(200);
      assertThat(own.json().path("message").asText()).isEqualTo("یادداشت داخلی دانشکده");
      if (door == EngineDoor.ENGINE_REST) { // the webapps' client asks for JSON only
        assertThat(door.call(clerk, "GET", reads.get(3), null).text()).isEqualTo("secret");
      }
    } finally {
      tasks.deleteTaskComment(task, comment);
      tasks.deleteAttachment(attachment);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void whetherATaskHasEndedIsToldOnlyToThoseWhoCouldWorkOnIt(EngineDoor door) {
    String upload = endedUploadOf(eng);
    String otherFaculties = endedUploadOf(sci);
    ApiClient student = ApiClient.signedIn(port, eng.number(), eng.password());
    Map<String, Object> nothing = Map.of("variables", Map.of());

    assertRefused(
        door.call(student, "POST", "/task/" + upload + "/complete", nothing),
        403,
        "engine-closed-to-students");
    Response stranger = door.call(clerk, "POST", "/task/" + otherFaculties + "/complete", nothing);
    assertThat(stranger.status()).as(stranger.toString()).isNotEqualTo(409);
    assertThat(stranger.text()).doesNotContain(TaskCompletionRaces.CODE);
  }

  private String latestFileProcess() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey("StudentFileProcess")
        .latestVersion()
        .singleResult()
        .getId();
  }

  private String endedUploadOf(FileFixture file) {
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(file.processInstanceId())
        .taskDefinitionKey(StudentFileProcess.TASK_UPLOAD_DOCUMENTS)
        .finished()
        .singleResult()
        .getId();
  }

  @ParameterizedTest
  @EnumSource(EngineDoor.class)
  void aBodyTooLargeToInspectIsRefusedBeforeItIsReadIntoMemory(EngineDoor door) {
    Map<String, Object> huge = Map.of("nameLike", "x".repeat(3 * 1024 * 1024));

    assertRefused(door.call(clerk, "POST", "/task/count", huge), 413, "body-too-large");
    assertThat(door.call(clerk, "POST", "/task/count", Map.of("nameLike", "x")).status())
        .isEqualTo(200);
  }

  @Test
  void cockpitsPluginApiAnswersOnlyCockpitsUsers() {
    String plugin = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
    assertRefused(
        clerk.call("GET", plugin, ExpressionQueryExploitTests.webappHeaders(clerk), null),
        403,
        "engine-counts-refused");
    Response answer =
        manager.call("GET", plugin, ExpressionQueryExploitTests.webappHeaders(manager), null);
    assertThat(answer.status()).as(answer.toString()).isNotEqualTo(403);
    String adminMetrics =
        "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
            + "?subscriptionStartDate=2026-01-01&groupBy=year&metrics=task-users";
    assertRefused(
        clerk.call("GET", adminMetrics, ExpressionQueryExploitTests.webappHeaders(clerk), null),
        403,
        "engine-counts-refused");
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
