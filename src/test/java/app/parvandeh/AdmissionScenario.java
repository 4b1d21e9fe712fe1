package app.parvandeh;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.intake.CardArchive;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.StaffUsers;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole admission as its users drive it over HTTP: the student in the portal API, clerks
 * through Camunda's REST API (what Tasklist calls) and our review API. Runs on H2 and, in CI, on
 * PostgreSQL.
 */
abstract class AdmissionScenario {

  static final String PASSWORD = StaffUsers.PASSWORD;

  @LocalServerPort int port;

  @Autowired StudentService students;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired NoteService notes;
  @Autowired AuditLog audit;

  String faculty;
  String clerk;
  String otherClerk;
  String central;
  String manager;

  @BeforeEach
  void staff() {
    String suffix = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(900000));
    faculty = "fac" + suffix;
    students.registerFaculty(faculty, "دانشکده آزمون " + suffix, "Test faculty " + suffix);
    students.registerFaculty("oth" + suffix, "دانشکده دیگر " + suffix, "Other faculty " + suffix);
    clerk = user("clerk" + suffix, FacultyRef.groupOf(faculty));
    otherClerk = user("other" + suffix, FacultyRef.groupOf("oth" + suffix));
    central = user("central" + suffix, Groups.CENTRAL_ADMISSION);
    manager = user("manager" + suffix, Groups.MANAGERS);
  }

  @Test
  void admissionPassesFacultyAndCentralRejectionsAndEndsWithTheRegistrationCompleteNote() {
    NewStudent data = TestStudents.newStudent(faculty, 1402, false);
    StudentRef admitted = students.admit(data, "admission-office");
    String number = admitted.studentNumber();
    runJobs(number);

    // The student signs in with the number typed in Persian digits and the national ID as first
    // password.
    ApiClient student =
        ApiClient.signedIn(port, PersianText.toPersianDigits(number), data.nationalId());
    JsonNode file = student.get("/api/portal/file").json();
    assertThat(file.at("/openTask/key").asText()).isEqualTo("Task_UploadAdmissionDocuments");
    assertThat(suppliers(file))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PHOTO",
                "STUDENT",
                "NATIONAL_ID_CARD",
                "STUDENT",
                "BIRTH_CERTIFICATE",
                "STUDENT",
                "PREVIOUS_DEGREE_CERTIFICATE",
                "STUDENT",
                "PREVIOUS_DEGREE_CONFIRMATION",
                "GOLESTAN_INQUIRY",
                "PREVIOUS_DEGREE_TRANSCRIPT",
                "GOLESTAN_INQUIRY",
                "EXAM_CARD",
                "BATCH",
                "CONFIDENTIAL_REPORT_CARD",
                "BATCH"));
    assertThat(student.post("/api/portal/submit").json().get("code").asText())
        .isEqualTo("documents-missing");

    Response uploaded =
        student.upload(
            "/api/students/" + number + "/documents",
            List.of(
                new FilePart("PHOTO", "عکس من.jpg", "image/jpeg", DemoFiles.jpeg()),
                new FilePart("NATIONAL_ID_CARD", "کارت ملی.png", "image/png", DemoFiles.png()),
                new FilePart(
                    "BIRTH_CERTIFICATE", "شناسنامه.pdf", "application/pdf", DemoFiles.pdf("birth")),
                new FilePart(
                    "PREVIOUS_DEGREE_CERTIFICATE",
                    "مدرک دیپلم.pdf",
                    "application/pdf",
                    DemoFiles.pdf("diploma"))));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("documents")).hasSize(4);
    assertThat(student.post("/api/portal/submit").status()).isEqualTo(200);
    assertThat(student.get("/api/portal/file").json().get("openTask").isNull()).isTrue();

    // Faculty check, round 1: the birth certificate is rejected with a reason.
    ApiClient clerkApi = ApiClient.signedIn(port, clerk, PASSWORD);
    String task =
        taskOf(clerkApi, number, FacultyRef.groupOf(faculty), "Task_CheckDocumentsFaculty");
    ApiClient otherApi = ApiClient.signedIn(port, otherClerk, PASSWORD);
    assertThat(
            otherApi
                .engineRest(
                    "GET", "/task?processInstanceBusinessKey=" + number + "&maxResults=10", null)
                .json())
        .isEmpty();
    assertThat(otherApi.get("/api/tasks/" + task + "/review").status()).isEqualTo(403);
    assertThat(clerkApi.get("/api/tasks/" + task + "/review").json().get("claimed").asBoolean())
        .isFalse();
    assertThat(
            decide(clerkApi, task, documentId(student, "PHOTO"), "ACCEPTED", null)
                .json()
                .get("code")
                .asText())
        .isEqualTo("claim-first");
    claim(clerkApi, task, clerk);
    JsonNode review = clerkApi.get("/api/tasks/" + task + "/review").json();
    assertThat(review.get("stage").asText()).isEqualTo("FACULTY");
    assertThat(review.get("documents")).hasSize(4);
    assertThat(review.at("/student/studentNumber").asText()).isEqualTo(number);
    assertThat(
            decide(clerkApi, task, documentId(student, "BIRTH_CERTIFICATE"), "REJECTED", " ")
                .status())
        .isEqualTo(400);
    decideAll(
        clerkApi,
        task,
        student,
        Map.of("BIRTH_CERTIFICATE", "تصویر ناخوانا است"),
        "PREVIOUS_DEGREE_CERTIFICATE");
    assertThat(clerkApi.engineRest("POST", "/task/" + task + "/complete", Map.of()).status())
        .as("a document without a decision blocks completion")
        .isGreaterThanOrEqualTo(400);
    assertThat(
            decide(
                    clerkApi,
                    task,
                    documentId(student, "PREVIOUS_DEGREE_CERTIFICATE"),
                    "ACCEPTED",
                    null)
                .status())
        .isEqualTo(200);
    complete(clerkApi, task);

    // The student sees the reason, cannot replace an accepted document, and uploads a corrected
    // version.
    file = student.get("/api/portal/file").json();
    assertThat(file.at("/openTask/key").asText()).isEqualTo("Task_CorrectRejectedDocuments");
    JsonNode birth = requirement(file, "BIRTH_CERTIFICATE").get("document");
    assertThat(birth.get("status").asText()).isEqualTo("REJECTED");
    assertThat(birth.at("/current/facultyReview/reason").asText()).isEqualTo("تصویر ناخوانا است");
    assertThat(
            student
                .upload(
                    "/api/students/" + number + "/documents",
                    List.of(new FilePart("PHOTO", "عکس.jpg", "image/jpeg", DemoFiles.jpeg())))
                .status())
        .isEqualTo(409);
    correct(student, number, "BIRTH_CERTIFICATE");
    birth =
        requirement(student.get("/api/portal/file").json(), "BIRTH_CERTIFICATE").get("document");
    assertThat(birth.at("/current/versionNo").asInt()).isEqualTo(2);
    assertThat(birth.at("/previous/0/facultyReview/decision").asText()).isEqualTo("REJECTED");

    // Faculty round 2 accepts the new version; central then rejects the photo.
    task = taskOf(clerkApi, number, FacultyRef.groupOf(faculty), "Task_CheckDocumentsFaculty");
    claim(clerkApi, task, clerk);
    decideAll(clerkApi, task, student, Map.of());
    complete(clerkApi, task);
    ApiClient centralApi = ApiClient.signedIn(port, central, PASSWORD);
    task = taskOf(centralApi, number, Groups.CENTRAL_ADMISSION, "Task_CheckDocumentsCentral");
    claim(centralApi, task, central);
    assertThat(centralApi.get("/api/tasks/" + task + "/review").json().get("stage").asText())
        .isEqualTo("CENTRAL");
    decideAll(centralApi, task, student, Map.of("PHOTO", "زمینه عکس باید سفید باشد"));
    complete(centralApi, task);

    // Correction goes back through the faculty, then central accepts everything.
    assertThat(student.get("/api/portal/file").json().at("/openTask/key").asText())
        .isEqualTo("Task_CorrectRejectedDocuments");
    correct(student, number, "PHOTO");
    task = taskOf(clerkApi, number, FacultyRef.groupOf(faculty), "Task_CheckDocumentsFaculty");
    claim(clerkApi, task, clerk);
    decideAll(clerkApi, task, student, Map.of());
    complete(clerkApi, task);
    task = taskOf(centralApi, number, Groups.CENTRAL_ADMISSION, "Task_CheckDocumentsCentral");
    claim(centralApi, task, central);
    decideAll(centralApi, task, student, Map.of());
    complete(centralApi, task);
    runJobs(number);

    // Accepted, but the exam card and report card (batch 18090) are not in yet: the note waits for
    // them.
    assertThat(students.get(number).stage()).isEqualTo(FileStage.ADMISSION);
    assertThat(notes.notesOf(students.get(number).id())).isEmpty();
    assertThat(
            centralApi
                .get("/api/students/" + number + "/file")
                .json()
                .findValuesAsText("activityId"))
        .contains("Event_BatchDocumentsArrived");
    JsonNode batch =
        CardArchive.uploadAndWait(
            centralApi,
            CardArchive.create()
                .add("cards/" + number + "_EXAM_CARD.pdf", CardArchive.pdf())
                .add("cards/" + number + "_CONFIDENTIAL_REPORT_CARD.jpg", CardArchive.jpeg())
                .bytes());
    assertThat(batch.path("attached").asInt()).as(batch.toString()).isEqualTo(2);
    runJobs(number);

    // The registration-complete note addresses every admission document's current version, the
    // cards included.
    StudentRef done = students.get(number);
    assertThat(done.stage()).isEqualTo(FileStage.DURING_STUDY);
    assertThat(audit.ofStudent(done.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_STAGE_CHANGED)
        .extracting(AuditLog.AuditView::details)
        .as("the process's move of the file is in its audit trail")
        .containsExactly("ADMISSION → DURING_STUDY");
    List<NoteView> fileNotes = notes.notesOf(done.id());
    assertThat(fileNotes)
        .extracting(NoteView::kind)
        .containsExactly("BATCH_DOCUMENT", "BATCH_DOCUMENT", "REGISTRATION_COMPLETE");
    NoteView note = fileNotes.get(2);
    assertThat(note.kind()).isEqualTo("REGISTRATION_COMPLETE");
    assertThat(note.golestanScreen()).isEqualTo("10730");
    assertThat(note.author()).isEqualTo(clerk);
    assertThat(note.createdAtJalali()).startsWith("۱۴");
    file = student.get("/api/portal/file").json();
    List<Long> currentVersions = new ArrayList<>();
    file.get("requirements")
        .forEach(
            r -> {
              if (!r.get("document").isNull()) {
                currentVersions.add(r.at("/document/current/id").asLong());
              }
            });
    assertThat(note.addresses())
        .extracting(NoteView.AddressView::documentVersionId)
        .containsExactlyInAnyOrderElementsOf(currentVersions);
    assertThat(notes.recordRegistrationComplete(done.id(), "someone-else").id())
        .as("recording again (a retried job) adds nothing")
        .isEqualTo(note.id());
    assertThat(notes.notesOf(done.id())).hasSize(3);
    assertThat(file.get("openTask").isNull()).isTrue();

    // Every change is in the audit trail, with who did it.
    List<AuditLog.AuditView> trail = audit.ofStudent(done.id());
    assertThat(trail)
        .extracting(AuditLog.AuditView::action)
        .contains(
            AuditAction.FILE_CREATED,
            AuditAction.DOCUMENT_UPLOADED,
            AuditAction.DOCUMENT_REVIEWED,
            AuditAction.NOTE_RECORDED);
    assertThat(trail)
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_REVIEWED)
        .extracting(AuditLog.AuditView::actor)
        .contains(clerk, central);
    assertThat(trail)
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_UPLOADED)
        .extracting(AuditLog.AuditView::actor)
        .containsOnly(number, central);

    // Cockpit's view: the file is a process instance keyed by the student number, waiting in the
    // study stage.
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .processDefinitionKey("StudentFileProcess")
            .singleResult();
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Event_StudyEnded");
    ApiClient managerApi = ApiClient.signedIn(port, manager, PASSWORD);
    JsonNode seen =
        managerApi
            .engineRest("GET", "/process-instance?businessKey=" + number + "&maxResults=10", null)
            .json();
    assertThat(seen).hasSize(1);
    assertThat(
            otherApi
                .engineRest(
                    "GET", "/process-instance?businessKey=" + number + "&maxResults=10", null)
                .json())
        .isEmpty();
  }

  @Test
  void documentContentIsServedToTheStudentAndTheirFacultyOnly() {
    NewStudent data = TestStudents.newStudent(faculty, 1399, false);
    String number = students.admit(data, "admission-office").studentNumber();
    runJobs(number);
    ApiClient student = ApiClient.signedIn(port, number, data.nationalId());
    byte[] pdf = DemoFiles.pdf("transcript");
    Response uploaded =
        student.upload(
            "/api/students/" + number + "/documents",
            List.of(
                new FilePart(
                    "PREVIOUS_DEGREE_TRANSCRIPT", "ریزنمرات.pdf", "application/pdf", pdf)));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String url = uploaded.json().at("/documents/0/current/contentUrl").asText();

    Response own = student.get(url);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(pdf);
    assertThat(own.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(own.header("Content-Disposition")).startsWith("attachment").contains("UTF-8''");
    assertThat(audit.ofStudent(students.get(number).id()))
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_DOWNLOADED)
        .extracting(AuditLog.AuditView::actor)
        .contains(number);
    assertThat(ApiClient.signedIn(port, clerk, PASSWORD).get(url).body()).isEqualTo(pdf);
    assertThat(ApiClient.signedIn(port, otherClerk, PASSWORD).get(url).status()).isEqualTo(403);

    // Tasklist forbids the browser's PDF viewer, so the review form shows a picture of the first
    // page.
    String previewUrl = uploaded.json().at("/documents/0/current/previewUrl").asText();
    Response preview = ApiClient.signedIn(port, clerk, PASSWORD).get(previewUrl);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.header("Content-Type")).isEqualTo("image/png");
    assertThat(java.util.Arrays.copyOf(preview.body(), 4))
        .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(ApiClient.signedIn(port, otherClerk, PASSWORD).get(previewUrl).status())
        .isEqualTo(403);
    NewStudent otherData = TestStudents.newStudent(faculty, 1402, false);
    students.admit(otherData, "admission-office");
    assertThat(
            ApiClient.signedIn(port, otherData.studentNumber(), otherData.nationalId())
                .get(url)
                .status())
        .isEqualTo(403);
  }

  private String user(String id, String group) {
    return StaffUsers.create(identity, id, group);
  }

  /** Runs the file's due asynchronous jobs, as the job executor would. */
  void runJobs(String studentNumber) {
    DueJobs.runForFile(runtime, management, studentNumber);
  }

  private static Map<String, String> suppliers(JsonNode file) {
    Map<String, String> result = new java.util.HashMap<>();
    file.get("requirements")
        .forEach(r -> result.put(r.get("typeCode").asText(), r.get("supplier").asText()));
    return result;
  }

  private static JsonNode requirement(JsonNode file, String typeCode) {
    for (JsonNode r : file.get("requirements")) {
      if (r.get("typeCode").asText().equals(typeCode)) {
        return r;
      }
    }
    throw new AssertionError("no requirement " + typeCode);
  }

  private static long documentId(ApiClient student, String typeCode) {
    return requirement(student.get("/api/portal/file").json(), typeCode)
        .at("/document/id")
        .asLong();
  }

  private static String taskOf(ApiClient api, String number, String group, String key) {
    JsonNode tasks =
        api.engineRest(
                "GET",
                "/task?processInstanceBusinessKey="
                    + number
                    + "&candidateGroup="
                    + group
                    + "&maxResults=10",
                null)
            .json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(key);
    return tasks.get(0).get("id").asText();
  }

  private static void claim(ApiClient api, String task, String userId) {
    assertThat(
            api.engineRest("POST", "/task/" + task + "/claim", Map.of("userId", userId)).status())
        .isEqualTo(204);
  }

  private static void complete(ApiClient api, String task) {
    Response completed = api.engineRest("POST", "/task/" + task + "/complete", Map.of());
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  private static Response decide(
      ApiClient api, String task, long documentId, String decision, String reason) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("documentId", documentId);
    body.put("decision", decision);
    body.put("reason", reason);
    return api.postJson("/api/tasks/" + task + "/reviews", body);
  }

  /**
   * Decides every document still lacking this stage's decision: rejected with the given reasons,
   * else accepted.
   */
  private static void decideAll(
      ApiClient api,
      String task,
      ApiClient student,
      Map<String, String> rejections,
      String... leaveOpen) {
    JsonNode review = api.get("/api/tasks/" + task + "/review").json();
    String stageField =
        review.get("stage").asText().equals("FACULTY") ? "facultyReview" : "centralReview";
    for (JsonNode document : review.get("documents")) {
      String type = document.get("typeCode").asText();
      if (Arrays.asList(leaveOpen).contains(type)
          || !document.at("/current/" + stageField).isNull() && !rejections.containsKey(type)) {
        continue;
      }
      String reason = rejections.get(type);
      Response decided =
          decide(
              api,
              task,
              document.get("id").asLong(),
              reason == null ? "ACCEPTED" : "REJECTED",
              reason);
      assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }
  }

  private static void correct(ApiClient student, String number, String typeCode) {
    Response uploaded =
        student.upload(
            "/api/students/" + number + "/documents",
            List.of(
                new FilePart(
                    typeCode, "اصلاح‌شده.pdf", "application/pdf", DemoFiles.pdf("corrected"))));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(student.post("/api/portal/submit").status()).isEqualTo(200);
  }
}
