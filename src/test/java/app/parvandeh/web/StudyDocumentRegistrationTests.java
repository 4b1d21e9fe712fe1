package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.note.NoteView;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.StaffUsers;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A faculty clerk registers documents issued during study: from the file page, and as Tasklist's
 * start form does.
 */
@ParvandehIntegrationTest
class StudyDocumentRegistrationTests {

  static final String PASSWORD = "parvandeh";

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired NoteService notes;
  @Autowired DocumentCorrections documents;
  @Autowired AuditLog audit;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @Test
  void anOfficeLetterIsStoredInTheDuringStudyStageAndNotedWithItsAddress() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);

    Response registered =
        clerk.multipart(
            lettersOf(student),
            letter("۱۲۳۴/الف", "۱۴۰۳/۵/۱۲", "گواهی اشتغال به تحصیل برای سفارت"),
            "file",
            pdf());

    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    JsonNode document = registered.json().get("document");
    assertThat(document.get("stage").asText()).isEqualTo("DURING_STUDY");
    assertThat(document.get("source").asText()).isEqualTo("OFFICE_AUTOMATION");
    assertThat(document.get("letterNumber").asText()).isEqualTo("۱۲۳۴/الف");
    assertThat(document.get("letterDate").asText()).isEqualTo("1403/05/12");
    String instanceId = registered.json().get("processInstanceId").asText();
    assertThat(variable(instanceId, "studentFileInstanceId")).isEqualTo(fileInstanceId(student));
    assertThat(variable(instanceId, "documentId")).isEqualTo(document.get("id").asLong());
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(student.studentNumber());

    runJobs(instanceId);

    NoteView note = onlyNote(student, NoteKind.STUDY_DOCUMENT);
    assertThat(note.golestanScreen()).isEqualTo("17030");
    assertThat(note.author()).isEqualTo("clerk.eng");
    assertThat(note.body()).contains("گواهی اشتغال به تحصیل برای سفارت").contains("۱۴۰۳/۰۵/۱۲");
    assertThat(note.addresses())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.documentVersionId()).isEqualTo(document.at("/current/id").asLong());
              assertThat(
                      noteAddressOnFilePage(clerk, student, NoteKind.STUDY_DOCUMENT)
                          .get("url")
                          .asText())
                  .as("the file page links the note's address to the letter")
                  .isEqualTo(document.at("/current/contentUrl").asText());
              assertThat(clerk.get(document.at("/current/contentUrl").asText()).body())
                  .isEqualTo(pdf().bytes());
            });
    assertThat(audit.ofStudent(student.id()))
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_UPLOADED)
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("clerk.eng"));
  }

  @Test
  void tasklistsStartFormStoresTheLetterThenStartsTheProcessAsTheClerk() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    Response stored =
        clerk.multipart(
            "/api/students/" + student.studentNumber() + "/study-documents/uploads",
            letter("55", "1403/01/01", "حکم مرخصی تحصیلی"),
            "file",
            jpeg());
    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    long documentId = stored.json().get("id").asLong();
    assertThat(notes.notesOf(student.id())).as("no note before the process runs").isEmpty();

    // What camForm.submit sends to the engine (Tasklist uses the same engine API with the clerk's
    // session).
    Response started =
        clerk.engineRest(
            "POST",
            "/process-definition/key/StudyDocumentProcess/submit-form",
            startBody(
                PersianText.toPersianDigits(student.studentNumber()),
                Map.of(
                    "studentNumber",
                    str(PersianText.toPersianDigits(student.studentNumber())),
                    "source",
                    str("OFFICE_AUTOMATION"),
                    "documentId",
                    Map.of("value", documentId, "type", "Long"))));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(student.studentNumber());
    assertThat(variable(instanceId, "registeredBy")).isEqualTo("clerk.eng");
    assertThat(variable(instanceId, "studentFileInstanceId")).isEqualTo(fileInstanceId(student));

    runJobs(instanceId);
    assertThat(onlyNote(student, NoteKind.STUDY_DOCUMENT).addresses().get(0).label())
        .contains("حکم مرخصی")
        .isNotEmpty();

    // Another faculty's clerk may start the process, but not for this student; a student not at
    // all.
    Response foreign =
        ApiClient.signedIn(port, "clerk.sci", PASSWORD)
            .engineRest(
                "POST",
                "/process-definition/key/StudyDocumentProcess/submit-form",
                startBody(
                    student.studentNumber(),
                    Map.of(
                        "studentNumber",
                        str(student.studentNumber()),
                        "source",
                        str("SERVICE_COUNTER"),
                        "counterRequestNumber",
                        str("1"),
                        "counterDocumentType",
                        str("گواهی"))));
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
    assertThat(foreign.json().path("code").asText())
        .as("refused at the door, before any start listener: a model without one stays safe")
        .isEqualTo("file-change-refused");
    assertThat(
            ApiClient.signedIn(port, "4021100001", "0012345679")
                .engineRest(
                    "POST",
                    "/process-definition/key/StudyDocumentProcess/submit-form",
                    startBody(student.studentNumber(), Map.of()))
                .status())
        .as("a student cannot even see the definition")
        .isIn(403, 404);
  }

  @Test
  void theStartFormIsDeployedWithTheModelAndServedToFacultyClerks() {
    Response form =
        ApiClient.signedIn(port, "clerk.eng", PASSWORD)
            .engineRest(
                "GET", "/process-definition/key/StudyDocumentProcess/deployed-start-form", null);
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(form.text())
        .contains("cam-script")
        .contains("/study-documents/office-letters")
        .contains("ng-non-bindable");
    Response startable =
        ApiClient.signedIn(port, "clerk.eng", PASSWORD)
            .engineRest(
                "GET",
                "/process-definition?key=StudyDocumentProcess&latestVersion=true&startableInTasklist=true"
                    + "&startablePermissionCheck=true&maxResults=10",
                null);
    assertThat(startable.json()).as("Tasklist lists it as startable for the clerk").hasSize(1);
    assertThat(
            ApiClient.signedIn(port, "manager", PASSWORD)
                .engineRest(
                    "GET",
                    "/process-definition?key=StudyDocumentProcess&latestVersion=true&startablePermissionCheck=true"
                        + "&maxResults=10",
                    null)
                .json())
        .as("managers cannot start it")
        .isEmpty();
  }

  @Test
  void aFacultyRegisteredAtRunTimeStartsStudyDocumentsFromTheFilePageAndFromTasklist() {
    String code = "f" + UUID.randomUUID().toString().substring(0, 8);
    Response created =
        ApiClient.signedIn(port, "central.admission", PASSWORD)
            .postJson(
                "/api/faculties",
                Map.of(
                    "code",
                    code,
                    "nameFa",
                    "دانشکده هنر " + code,
                    "nameEn",
                    "Faculty of Arts " + code));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    StudentRef student =
        students.admit(TestStudents.newStudent(code, 1402, false), "admission-office");
    ApiClient clerk =
        ApiClient.signedIn(
            port,
            StaffUsers.create(identity, "clerk." + code, "faculty-" + code),
            StaffUsers.PASSWORD);

    Response fromFilePage =
        clerk.postJson(
            counterOf(student),
            Map.of("requestNumber", "۱۲۱", "documentType", "گواهی اشتغال به تحصیل"));
    assertThat(fromFilePage.status()).as(fromFilePage.toString()).isEqualTo(201);
    assertThat(
            clerk
                .engineRest(
                    "GET",
                    "/process-definition?key=StudyDocumentProcess&latestVersion=true"
                        + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=10",
                    null)
                .json())
        .as("Tasklist lists it as startable for the new faculty's clerk")
        .hasSize(1);
    Response fromTasklist =
        clerk.engineRest(
            "POST",
            "/process-definition/key/StudyDocumentProcess/submit-form",
            startBody(
                student.studentNumber(),
                Map.of(
                    "studentNumber",
                    str(student.studentNumber()),
                    "source",
                    str("SERVICE_COUNTER"),
                    "counterRequestNumber",
                    str("122"),
                    "counterDocumentType",
                    str("گواهی"))));
    assertThat(fromTasklist.status()).as(fromTasklist.toString()).isEqualTo(200);
    assertThat(variable(fromTasklist.json().get("id").asText(), "registeredBy"))
        .isEqualTo("clerk." + code);
  }

  @Test
  void aServiceCounterDocumentIsNotUploadedOnlyReferencedAndARetryAddsNoSecondNote() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    Response registered =
        clerk.postJson(
            counterOf(student),
            Map.of("requestNumber", "۹۸۷۶۵", "documentType", "گواهی اشتغال به تحصیل"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.json().get("document").isNull()).isTrue();
    String instanceId = registered.json().get("processInstanceId").asText();
    runJobs(instanceId);

    NoteView note = onlyNote(student, NoteKind.SERVICE_COUNTER_REFERENCE);
    assertThat(note.golestanScreen()).isEqualTo("10730");
    assertThat(note.addresses())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.documentVersionId()).isNull();
              assertThat(
                      noteAddressOnFilePage(clerk, student, NoteKind.SERVICE_COUNTER_REFERENCE)
                          .get("url")
                          .isNull())
                  .as("a service-counter reference has no link")
                  .isTrue();
              assertThat(a.address()).isEqualTo("golestan:service-counter/98765");
              assertThat(a.label()).contains("گواهی اشتغال به تحصیل").contains("۹۸۷۶۵");
            });
    assertThat(documents.documentsOf(student.id())).isEmpty();
    NoteView again =
        notes.record(
            student.id(),
            NoteKind.SERVICE_COUNTER_REFERENCE,
            "دوباره",
            "clerk.eng",
            List.of(new NewAddress("golestan:service-counter/98765", "x", null)),
            "SERVICE_COUNTER_REFERENCE:process:" + instanceId);
    assertThat(again.id()).isEqualTo(note.id());
    assertThat(notes.notesOf(student.id())).hasSize(1);
  }

  @Test
  void badRegistrationsAreRefusedAndLeaveNothingBehind() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);

    Response noDescription =
        clerk.multipart(lettersOf(student), letter("1", "1403/01/01", "  "), "file", pdf());
    assertRefused(noDescription, 400, "description-required");
    assertRefused(
        clerk.multipart(lettersOf(student), letter("1", "1403/13/01", "نامه"), "file", pdf()),
        400,
        "invalid-letter-date");
    assertRefused(
        clerk.multipart(
            lettersOf(student),
            letter("1", "1403/01/01", "نامه"),
            "file",
            new FilePart(null, "x.png", "image/png", DemoFiles.png())),
        400,
        "pdf-or-jpg-only");
    assertRefused(
        clerk.postJson(counterOf(student), Map.of("requestNumber", " ", "documentType", "گواهی")),
        400,
        "address-required");
    assertRefused(
        ApiClient.signedIn(port, "clerk.sci", PASSWORD)
            .multipart(lettersOf(student), letter("1", "1403/01/01", "نامه"), "file", pdf()),
        403,
        "forbidden");
    assertRefused(
        ApiClient.signedIn(port, "manager", PASSWORD)
            .postJson(counterOf(student), Map.of("requestNumber", "1", "documentType", "گواهی")),
        403,
        "read-only-role");

    // A note address that does not resolve: another student's letter.
    StudentRef other = admitted();
    long othersLetter =
        ApiClient.signedIn(port, "clerk.eng", PASSWORD)
            .multipart(
                "/api/students/" + other.studentNumber() + "/study-documents/uploads",
                letter("9", "1403/02/02", "نامه"),
                "file",
                pdf())
            .json()
            .get("id")
            .asLong();
    Response unresolved =
        clerk.engineRest(
            "POST",
            "/process-definition/key/StudyDocumentProcess/submit-form",
            startBody(
                student.studentNumber(),
                Map.of(
                    "studentNumber",
                    str(student.studentNumber()),
                    "source",
                    str("OFFICE_AUTOMATION"),
                    "documentId",
                    Map.of("value", othersLetter, "type", "Long"))));
    assertThat(unresolved.status()).as(unresolved.toString()).isEqualTo(400);
    assertThat(unresolved.json().get("message").asText()).contains("address-unresolved");

    // No running file: the StudentFileProcess was ended.
    runtime.deleteProcessInstance(fileInstanceId(student), "test: file closed");
    assertRefused(
        clerk.multipart(lettersOf(student), letter("1", "1403/01/01", "نامه"), "file", pdf()),
        409,
        "no-running-file");
    assertRefused(
        clerk.postJson(counterOf(student), Map.of("requestNumber", "1", "documentType", "گواهی")),
        409,
        "no-running-file");

    assertThat(documents.documentsOf(student.id())).isEmpty();
    assertThat(notes.notesOf(student.id())).isEmpty();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("StudyDocumentProcess")
                .processInstanceBusinessKey(student.studentNumber())
                .count())
        .isZero();
  }

  private StudentRef admitted() {
    return students.admit(TestStudents.newStudent("engineering", 1401, false), "admission-office");
  }

  private static String lettersOf(StudentRef student) {
    return "/api/students/" + student.studentNumber() + "/study-documents/office-letters";
  }

  private static String counterOf(StudentRef student) {
    return "/api/students/" + student.studentNumber() + "/study-documents/service-counter";
  }

  static Map<String, String> letter(String number, String date, String description) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("typeCode", "ENROLLMENT_CERTIFICATE");
    fields.put("letterNumber", number);
    fields.put("letterDate", date);
    fields.put("description", description);
    return fields;
  }

  static FilePart pdf() {
    return new FilePart(null, "نامه.pdf", "application/pdf", DemoFiles.pdf("letter"));
  }

  static FilePart jpeg() {
    return new FilePart(null, "letter.jpg", "image/jpeg", DemoFiles.jpeg());
  }

  private static Map<String, Object> str(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static Map<String, Object> startBody(String businessKey, Map<String, Object> variables) {
    return Map.of("businessKey", businessKey, "variables", variables);
  }

  static void assertRefused(Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.json().get("code").asText()).isEqualTo(code);
    assertThat(response.json().get("messageFa").asText()).isNotBlank();
    assertThat(response.json().get("messageEn").asText()).isNotBlank();
  }

  /** The first address of the student's note of this kind, as the file page's JSON shows it. */
  private static JsonNode noteAddressOnFilePage(
      ApiClient clerk, StudentRef student, NoteKind kind) {
    for (JsonNode note :
        clerk.get("/api/students/" + student.studentNumber() + "/file").json().get("notes")) {
      if (note.get("kind").asText().equals(kind.name())) {
        return note.at("/addresses/0");
      }
    }
    throw new AssertionError("no " + kind + " note on the file page");
  }

  private NoteView onlyNote(StudentRef student, NoteKind kind) {
    List<NoteView> all = notes.notesOf(student.id());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).kind()).isEqualTo(kind.name());
    return all.get(0);
  }

  private Object variable(String instanceId, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private String fileInstanceId(StudentRef student) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("StudentFileProcess")
        .processInstanceBusinessKey(student.studentNumber())
        .singleResult()
        .getId();
  }

  private void runJobs(String instanceId) {
    DueJobs.run(management, instanceId);
  }
}
