package app.parvandeh.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The audit trail records every operation that exists on a file (creation, upload, view, download,
 * review, note), managers and central units read it per student with Solar Hijri times, and nothing
 * in the application, our API or Camunda's, can edit or purge it.
 */
@ParvandehIntegrationTest
class AuditTrailTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired NoteService notes;
  @Autowired AuditLog audit;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  NewStudent data;
  StudentRef student;
  String instance;
  ApiClient studentApi;

  @BeforeEach
  void admit() {
    data = TestStudents.newStudent("engineering", 1402, false);
    student = students.admit(data, "admission-office");
    instance = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    DueJobs.run(management, instance);
    studentApi = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
  }

  @Test
  void everyOperationOnTheFileLeavesAnEntryWithActorAndAddress() {
    assertThat(studentApi.get("/api/portal/file").status()).isEqualTo(200);
    Response uploaded =
        studentApi.upload(
            "/api/students/" + student.studentNumber() + "/documents",
            List.of(
                new FilePart("PHOTO", "عکس.jpg", "image/jpeg", DemoFiles.jpeg()),
                new FilePart("NATIONAL_ID_CARD", "کارت.png", "image/png", DemoFiles.png()),
                new FilePart(
                    "BIRTH_CERTIFICATE", "شناسنامه.pdf", "application/pdf", DemoFiles.pdf("b")),
                new FilePart(
                    "PREVIOUS_DEGREE_CERTIFICATE",
                    "دیپلم.pdf",
                    "application/pdf",
                    DemoFiles.pdf("d"))));
    assertThat(uploaded.status()).isEqualTo(201);
    long documentId = uploaded.json().at("/documents/0/id").asLong();
    assertThat(
            studentApi.get(uploaded.json().at("/documents/0/current/contentUrl").asText()).status())
        .isEqualTo(200);
    assertThat(studentApi.post("/api/portal/submit").status()).isEqualTo(200);

    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(clerk.get("/api/tasks/" + task + "/review").status()).isEqualTo(200);
    tasks.claim(task, "clerk.eng");
    assertThat(
            clerk
                .postJson(
                    "/api/tasks/" + task + "/reviews",
                    Map.of("documentId", documentId, "decision", "ACCEPTED"))
                .status())
        .isEqualTo(200);
    notes.record(
        student.id(),
        NoteKind.GENERAL,
        "یادداشت آزمون",
        "clerk.eng",
        List.of(new NoteService.NewAddress("بایگانی دانشکده، قفسه ۳", "پرونده کاغذی", null)),
        null);

    Map<AuditAction, Set<String>> actors =
        audit.ofStudent(student.id()).stream()
            .collect(
                Collectors.groupingBy(
                    AuditLog.AuditView::action,
                    Collectors.mapping(AuditLog.AuditView::actor, Collectors.toSet())));
    assertThat(actors)
        .containsEntry(AuditAction.FILE_CREATED, Set.of("admission-office"))
        .containsEntry(AuditAction.DOCUMENT_UPLOADED, Set.of(student.studentNumber()))
        .containsEntry(AuditAction.DOCUMENT_DOWNLOADED, Set.of(student.studentNumber()))
        .containsEntry(AuditAction.FILE_VIEWED, Set.of(student.studentNumber(), "clerk.eng"))
        .containsEntry(AuditAction.DOCUMENT_REVIEWED, Set.of("clerk.eng"))
        .containsEntry(AuditAction.NOTE_RECORDED, Set.of("clerk.eng"));
    assertThat(audit.ofStudent(student.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_VIEWED)
        .allSatisfy(e -> assertThat(e.remoteAddress()).isNotBlank());
  }

  @Test
  void managersAndCentralUnitsReadTheTrailPerStudentWithSolarHijriTimes() {
    studentApi.get("/api/portal/file");
    for (String reader :
        List.of("manager", "central.admission", "central.records", "grad.studies")) {
      Response answer =
          ApiClient.signedIn(port, reader, "parvandeh")
              .get("/api/students/" + student.studentNumber() + "/audit");
      assertThat(answer.status()).as(reader + ": " + answer).isEqualTo(200);
      JsonNode entries = answer.json().get("entries");
      assertThat(answer.json().at("/student/studentNumber").asText())
          .isEqualTo(student.studentNumber());
      assertThat(entries.get(0).get("action").asText()).isEqualTo("FILE_CREATED");
      assertThat(entries.get(0).get("occurredAtJalali").asText()).startsWith("۱۴");
      assertThat(entries.findValuesAsText("action")).contains("FILE_VIEWED");
    }
    for (String refused : List.of("clerk.eng", "process.owner", "admin")) {
      assertThat(
              ApiClient.signedIn(port, refused, "parvandeh")
                  .get("/api/students/" + student.studentNumber() + "/audit")
                  .status())
          .as(refused)
          .isEqualTo(403);
    }
    assertThat(studentApi.get("/api/students/" + student.studentNumber() + "/audit").status())
        .isEqualTo(403);
  }

  @Test
  void aFileViewIsRecordedOncePerSessionAndPageWhileThePortalReloads() {
    for (int i = 0; i < 3; i++) {
      assertThat(studentApi.get("/api/portal/file").status()).isEqualTo(200);
    }
    assertThat(views()).isEqualTo(1);
    ApiClient.signedIn(port, student.studentNumber(), data.nationalId()).get("/api/portal/file");
    assertThat(views()).isEqualTo(2);
    ApiClient.signedIn(port, "clerk.sci", "parvandeh").get("/api/tasks/none/review");
    assertThat(views()).as("refused views are not file views").isEqualTo(2);
  }

  @Test
  void aClerkReadingTheSameFilePageAgainAndAgainIsRecordedOnce() {
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    for (int i = 0; i < 3; i++) {
      assertThat(clerk.get("/api/students/" + student.studentNumber() + "/file").status())
          .isEqualTo(200);
    }
    assertThat(audit.ofStudent(student.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_VIEWED)
        .filteredOn(e -> e.actor().equals("clerk.eng"))
        .hasSize(1);
  }

  @Test
  void noEndpointEditsOrPurgesTheTrail() {
    // Our API: the only mapping that mentions the audit trail reads it. (A path segment "audit" or
    // "audit.csv" and
    // the like; the fixity audits under /api/preservation/audits are runs of a check, not the
    // trail.)
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (info.getPatternValues().stream().anyMatch(p -> p.matches(".*/audit([/.].*)?"))) {
                assertThat(info.getMethodsCondition().getMethods())
                    .as(info.toString())
                    .containsExactly(RequestMethod.GET);
              }
            });
    int before = audit.ofStudent(student.id()).size();
    String path = "/api/students/" + student.studentNumber() + "/audit";
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");
    ApiClient central = ApiClient.signedIn(port, "central.records", "parvandeh");
    for (String method : List.of("DELETE", "PUT", "PATCH", "POST")) {
      assertThat(manager.call(method, path, csrf(manager), "{}").status())
          .as(method)
          .isEqualTo(403);
      assertThat(central.call(method, path, csrf(central), "{}").status())
          .as(method)
          .isIn(403, 405);
    }
    // The repository itself offers only append and read.
    assertThat(Arrays.stream(AuditRepository.class.getMethods()).map(Method::getName))
        .allMatch(name -> name.equals("save") || name.startsWith("find"));

    // Camunda's REST API, even for an admin who deletes the file's process instance and all its
    // history, never
    // reaches our tables.
    ApiClient admin = ApiClient.signedIn(port, "admin", "parvandeh");
    assertThat(
            admin
                .engineRest(
                    "DELETE", "/process-instance/" + instance + "?skipCustomListeners=true", null)
                .status())
        .isEqualTo(204);
    assertThat(admin.engineRest("DELETE", "/history/process-instance/" + instance, null).status())
        .isEqualTo(204);
    assertThat(admin.engineRest("POST", "/history/cleanup?immediatelyDue=true", null).status())
        .isEqualTo(200);
    assertThat(audit.ofStudent(student.id())).hasSize(before);
  }

  private long views() {
    return audit.ofStudent(student.id()).stream()
        .filter(e -> e.action() == AuditAction.FILE_VIEWED)
        .count();
  }

  private static Map<String, String> csrf(ApiClient client) {
    return Map.of(
        "Content-Type", "application/json", "X-PARVANDEH-XSRF", client.cookie("PARVANDEH-XSRF"));
  }
}
