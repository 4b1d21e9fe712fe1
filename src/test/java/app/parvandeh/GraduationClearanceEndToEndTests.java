package app.parvandeh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.monitoring.StuckFileMetrics;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.StuckReportPages;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Graduation clearance as its users drive it over HTTP: a clerk records the end of study, central
 * records checks with report 112, the faculty completes, the graduate asks in the portal, the
 * graduates office issues; and the stuck-files report, CSV and gauges show an overdue task and a
 * failed step.
 */
@ParvandehIntegrationTest
class GraduationClearanceEndToEndTests {

  private static final String PASSWORD = "parvandeh";

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired NoteService notes;
  @Autowired StuckFileMetrics metrics;

  @Test
  void graduateIsClearedAnnouncedAndArchivedAfterAskingInThePortal() {
    NewStudent data = studentDuringStudy();
    String number = data.studentNumber();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    ApiClient otherClerk = ApiClient.signedIn(port, "clerk.sci", PASSWORD);
    ApiClient student = ApiClient.signedIn(port, number, data.nationalId());

    assertThat(
            otherClerk
                .postJson("/api/students/" + number + "/study-end", Map.of("reason", "GRADUATED"))
                .status())
        .isEqualTo(403);
    assertThat(
            student
                .postJson("/api/students/" + number + "/study-end", Map.of("reason", "GRADUATED"))
                .status())
        .isEqualTo(403);
    Response ended =
        clerk.postJson("/api/students/" + number + "/study-end", Map.of("reason", "GRADUATED"));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(202);
    assertThat(
            clerk
                .postJson("/api/students/" + number + "/study-end", Map.of("reason", "GRADUATED"))
                .status())
        .isEqualTo(409);
    runJobs(number);
    assertThat(students.get(number).status()).isEqualTo(StudentStatus.GRADUATED);
    assertThat(students.get(number).stage()).isEqualTo(FileStage.GRADUATION);

    // Central records (bachelor) checks with report 112 and finds something missing.
    ApiClient central = ApiClient.signedIn(port, "central.records", PASSWORD);
    String check = taskOf(central, number, "central-records", "Task_CheckFileClearance");
    assertThat(central.engineRest("GET", "/task/" + check + "/deployed-form", null).text())
        .contains("/api/reports/notes");
    assertThat(
            central
                .get("/api/clearance/tasks/" + check)
                .json()
                .at("/student/studentNumber")
                .asText())
        .isEqualTo(number);
    assertThat(otherClerk.get("/api/clearance/tasks/" + check).status()).isEqualTo(403);
    claim(central, check, "central.records");
    complete(
        central,
        check,
        Map.of(
            "fileComplete",
            Map.of("value", false, "type", "Boolean"),
            "missingItems",
            Map.of("value", "نشانی گواهی کارآموزی ثبت نشده است", "type", "String")));

    // The faculty reads why, records the missing document's address, and sends the file back.
    String completion =
        taskOf(clerk, number, "faculty-engineering", "Task_CompleteFileForClearance");
    assertThat(
            clerk
                .get("/api/clearance/tasks/" + completion)
                .json()
                .at("/task/missingItems")
                .asText())
        .isEqualTo("نشانی گواهی کارآموزی ثبت نشده است");
    assertThat(
            clerk
                .postJson(
                    "/api/clearance/tasks/" + completion + "/notes",
                    Map.of("body", "گواهی کارآموزی"))
                .status())
        .isEqualTo(409);
    claim(clerk, completion, "clerk.eng");
    Response note =
        clerk.postJson(
            "/api/clearance/tasks/" + completion + "/notes",
            Map.of(
                "body",
                "گواهی کارآموزی در اتوماسیون اداری",
                "addresses",
                List.of(
                    Map.of(
                        "address", "اتوماسیون اداری، نامه ۱۴۰۳/۱۲۳", "label", "گواهی کارآموزی"))));
    assertThat(note.status()).as(note.toString()).isEqualTo(201);
    complete(clerk, completion, Map.of());

    // Completed unclaimed, as the engine lets any member of the group: the note still names who.
    String again = taskOf(central, number, "central-records", "Task_CheckFileClearance");
    complete(central, again, Map.of("fileComplete", Map.of("value", true, "type", "Boolean")));
    runJobs(number);

    // The graduates office knows; the graduate asks in the portal (once).
    ApiClient office = ApiClient.signedIn(port, "graduates.office", PASSWORD);
    taskOf(office, number, "graduates-office", "Task_AwaitGraduationRequest");
    assertThat(clerk.post("/api/portal/graduation-request").status()).isEqualTo(403);
    assertThat(
            student.get("/api/portal/file").json().get("canRequestGraduationDocuments").asBoolean())
        .isTrue();
    Response asked = student.post("/api/portal/graduation-request");
    assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
    assertThat(student.post("/api/portal/graduation-request").status()).isEqualTo(409);
    assertThat(
            student.get("/api/portal/file").json().get("canRequestGraduationDocuments").asBoolean())
        .isFalse();
    String issue = taskOf(office, number, "graduates-office", "Task_IssueGraduationDocuments");
    claim(office, issue, "graduates.office");
    complete(
        office,
        issue,
        Map.of("issuedDocuments", Map.of("value", "دانشنامه و ریزنمرات", "type", "String")));
    runJobs(number);

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
    List<NoteView> recorded = notes.notesOf(students.get(number).id());
    assertThat(recorded)
        .extracting(NoteView::kind)
        .containsExactly(
            "CLEARANCE_MISSING",
            "DOCUMENT_ADDRESS",
            "CLEARANCE_COMPLETE",
            "GRADUATION_REQUESTED",
            "GRADUATION_DOCUMENTS_ISSUED",
            "FILE_ARCHIVED");
    assertThat(recorded.get(2).author()).isEqualTo("central.records");
    assertThat(recorded.get(4).body()).contains("دانشنامه و ریزنمرات");
    assertThat(recorded.get(4).author()).isEqualTo("graduates.office");
  }

  @Test
  void stuckFilesReportShowsOverdueTasksAndIncidentsByFacultyAndStep() {
    NewStudent overdueData = studentDuringStudy();
    String overdue = overdueData.studentNumber();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    clerk.postJson("/api/students/" + overdue + "/study-end", Map.of("reason", "WITHDRAWN"));
    runJobs(overdue);
    Task check = tasks.createTaskQuery().processInstanceBusinessKey(overdue).singleResult();
    check.setDueDate(new Date(System.currentTimeMillis() - 3 * 86_400_000L));
    tasks.saveTask(check);

    // Golestan's integration sends a reason we do not know: the step fails and becomes an incident.
    String failing = studentDuringStudy().studentNumber();
    runtime
        .createMessageCorrelation("StudyEnded")
        .processInstanceBusinessKey(failing)
        .setVariable("closureReason", "TRANSFERRED")
        .correlate();
    Job job = management.createJobQuery().processInstanceId(instanceOf(failing)).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .hasMessageContaining("closureReason");
    }

    ApiClient manager = ApiClient.signedIn(port, "manager", PASSWORD);
    JsonNode report = StuckReportPages.whole(manager);
    JsonNode overdueRow = row(report, overdue);
    assertThat(overdueRow.get("stepId").asText()).isEqualTo("Task_CheckFileClearance");
    assertThat(overdueRow.get("reasons").toString()).contains("OVERDUE");
    assertThat(overdueRow.get("facultyCode").asText()).isEqualTo("engineering");
    JsonNode incidentRow = row(report, failing);
    assertThat(incidentRow.get("stepId").asText()).isEqualTo("Task_RecordStudyEnd");
    assertThat(incidentRow.get("incidentMessage").asText()).contains("علت پایان تحصیل نامعتبر است");
    assertThat(report.get("byFacultyAndStep").toString()).contains("Task_CheckFileClearance");

    Response csv = manager.get("/api/reports/stuck.csv");
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.text())
        .contains(overdue)
        .contains(failing)
        .contains("بررسی نهایی پرونده برای تسویه");
    assertThat(clerk.get("/api/reports/stuck").status()).isEqualTo(403);

    metrics.refresh();
    Response prometheus = manager.get("/actuator/prometheus", "text/plain");
    assertThat(prometheus.status()).isEqualTo(200);
    assertThat(prometheus.text())
        .contains("parvandeh_stuck_files")
        .contains("step=\"Task_RecordStudyEnd\"")
        .contains("reason=\"incident\"");
    assertThat(clerk.get("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
    // A Prometheus scraper signs in with HTTP Basic as a manager; anyone else is refused.
    ApiClient scraper = ApiClient.anonymous(port);
    assertThat(scraper.call("GET", "/actuator/prometheus", basic("manager", PASSWORD), null).text())
        .contains("parvandeh_stuck_files");
    assertThat(
            scraper
                .call("GET", "/actuator/prometheus", basic("clerk.eng", PASSWORD), null)
                .status())
        .isEqualTo(403);
    assertThat(scraper.call("GET", "/actuator/prometheus", Map.of(), null).status()).isEqualTo(401);
    assertThat(scraper.call("GET", "/actuator/health", Map.of(), null).status()).isEqualTo(200);

    // Fixed in Cockpit (the variable), retried: the file moves on and leaves the report.
    runtime.setVariable(job.getProcessInstanceId(), "closureReason", "EXPELLED");
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(students.get(failing).status()).isEqualTo(StudentStatus.EXPELLED);
    assertThat(StuckReportPages.whole(manager).get("files").toString()).doesNotContain(failing);
  }

  /**
   * A step left open past the idle days is stuck; waiting for the end of study is not, however
   * long. The report leaves the normal waits out in its query (at archive scale nearly every file
   * waits there).
   */
  @Test
  void stuckFilesReportShowsIdleStepsButNotTheWaitForTheEndOfStudy() {
    String waiting = studentDuringStudy().studentNumber();
    NewStudent idleData = TestStudents.newStudent("engineering", 1399, false);
    students.admit(idleData, "admission-office");
    String idle = idleData.studentNumber();
    runJobs(idle);
    Task open = tasks.createTaskQuery().processInstanceBusinessKey(idle).list().get(0);
    ApiClient manager = ApiClient.signedIn(port, "manager", PASSWORD);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 40 * 86_400_000L));
    JsonNode report;
    try {
      report = StuckReportPages.whole(manager);
    } finally {
      ClockUtil.reset();
    }
    JsonNode idleRow = row(report, idle);
    assertThat(idleRow.get("stepId").asText()).isEqualTo(open.getTaskDefinitionKey());
    assertThat(idleRow.get("reasons").toString()).contains("IDLE");
    assertThat(idleRow.get("studentName").asText()).isEqualTo(students.get(idle).fullName());
    assertThat(report.get("files").toString()).doesNotContain(waiting);
  }

  private static JsonNode row(JsonNode report, String studentNumber) {
    for (JsonNode file : report.get("files")) {
      if (file.get("studentNumber").asText().equals(studentNumber)) {
        return file;
      }
    }
    throw new AssertionError("no stuck file " + studentNumber + " in " + report);
  }

  /** An engineering bachelor whose admission is done: the file waits for the end of study. */
  private NewStudent studentDuringStudy() {
    NewStudent data = TestStudents.newStudent("engineering", 1399, false);
    students.admit(data, "admission-office");
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(data.studentNumber())
            .singleResult()
            .getId();
    runtime
        .createProcessInstanceModification(instance)
        .cancelAllForActivity("Task_DetermineRequiredDocuments")
        .startBeforeActivity("Event_StudyEnded")
        .execute();
    return data;
  }

  private String instanceOf(String studentNumber) {
    var instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(studentNumber)
            .singleResult();
    return instance == null ? "none" : instance.getId();
  }

  private void runJobs(String studentNumber) {
    DueJobs.run(management, instanceOf(studentNumber));
  }

  private static String taskOf(ApiClient api, String number, String group, String key) {
    JsonNode found =
        api.engineRest(
                "GET",
                "/task?processInstanceBusinessKey="
                    + number
                    + "&candidateGroup="
                    + group
                    + "&includeAssignedTasks=true&maxResults=10",
                null)
            .json();
    assertThat(found).as(found.toString()).hasSize(1);
    assertThat(found.get(0).get("taskDefinitionKey").asText()).isEqualTo(key);
    return found.get(0).get("id").asText();
  }

  private static void claim(ApiClient api, String task, String userId) {
    assertThat(
            api.engineRest("POST", "/task/" + task + "/claim", Map.of("userId", userId)).status())
        .isEqualTo(204);
  }

  private static void complete(ApiClient api, String task, Map<String, Object> variables) {
    Response completed =
        api.engineRest("POST", "/task/" + task + "/complete", Map.of("variables", variables));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of(
        "Authorization",
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
