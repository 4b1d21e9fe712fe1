package app.parvandeh.web;

import static app.parvandeh.web.StudyDocumentRegistrationTests.assertRefused;
import static app.parvandeh.web.StudyDocumentRegistrationTests.letter;
import static app.parvandeh.web.StudyDocumentRegistrationTests.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The four operations on a file over HTTP: create, edit, view, delete for correction; authorized
 * and audited.
 */
@ParvandehIntegrationTest
class FileOperationsTests {

  static final String PASSWORD = "parvandeh";

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired AuditLog audit;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired NoteService notes;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void centralAdmissionOrTheFacultysOwnClerkCreatesAFileAndItsProcessStarts() {
    Map<String, Object> data = newFile("engineering");
    Response created =
        ApiClient.signedIn(port, "central.admission", PASSWORD).postJson("/api/students", data);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String number = created.json().get("studentNumber").asText();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("StudentFileProcess")
                .processInstanceBusinessKey(number)
                .count())
        .isEqualTo(1);
    assertThat(audit.ofStudent(students.get(number).id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_CREATED)
        .extracting(AuditView::actor)
        .containsExactly("central.admission");

    assertThat(
            ApiClient.signedIn(port, "clerk.eng", PASSWORD)
                .postJson("/api/students", newFile("engineering"))
                .status())
        .isEqualTo(201);
    Map<String, Object> foreign = newFile("engineering");
    assertRefused(
        ApiClient.signedIn(port, "clerk.sci", PASSWORD).postJson("/api/students", foreign),
        403,
        "forbidden");
    assertRefused(
        ApiClient.signedIn(port, "4021100001", "0012345679").postJson("/api/students", foreign),
        403,
        "forbidden");
    assertThat(students.find(foreign.get("studentNumber").toString())).isEmpty();
  }

  @Test
  void aLoginMadeByHandBeforeTheFileIsNotHandedToTheStudentAndNothingIsStored() {
    Map<String, Object> data = newFile("engineering");
    String number = data.get("studentNumber").toString();
    org.camunda.bpm.engine.identity.User squatter = identity.newUser(number);
    squatter.setPassword("someone-elses");
    identity.saveUser(squatter);
    try {
      assertRefused(
          ApiClient.signedIn(port, "central.admission", PASSWORD).postJson("/api/students", data),
          409,
          "student-login-exists");
      assertThat(students.find(number)).isEmpty();
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
          .isZero();
      assertThat(identity.checkPassword(number, "someone-elses")).isTrue();
      assertThat(identity.createGroupQuery().groupMember(number).count()).isZero();
    } finally {
      identity.deleteUser(number);
    }
  }

  @Test
  void aPersonHoldsOneActiveFilePerDegreeASecondOnlyForAnotherDegreeOrOnceTheFirstIsClosed() {
    ApiClient central = ApiClient.signedIn(port, "central.admission", PASSWORD);
    Map<String, Object> first = newFile("engineering");
    assertThat(central.postJson("/api/students", first).status()).isEqualTo(201);
    String person = first.get("nationalId").toString();

    Map<String, Object> again = newFile("science");
    again.put("nationalId", person);
    assertRefused(central.postJson("/api/students", again), 409, "person-has-active-file");
    String refused = again.get("studentNumber").toString();
    assertThat(students.find(refused)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(refused).count())
        .isZero();
    assertThat(identity.createUserQuery().userId(refused).count()).isZero();
    assertThat(central.postJson("/api/students", again).json().path("messageFa").asText())
        .contains(PersianText.toPersianDigits(first.get("studentNumber").toString()));

    again.put("degree", "MASTER");
    assertThat(central.postJson("/api/students", again).status())
        .as("a master's file beside the bachelor's")
        .isEqualTo(201);

    Map<String, Object> readmitted = newFile("nationalId", person);
    students.endStudy(first.get("studentNumber").toString(), StudentStatus.WITHDRAWN, "test");
    assertThat(central.postJson("/api/students", readmitted).status())
        .as("a bachelor's file again once the first was closed")
        .isEqualTo(201);

    StudentRef other = admitted();
    JsonNode info = central.get(fileOf(other)).json().get("info");
    Map<String, Object> edit =
        new HashMap<>(
            Map.of(
                "firstName",
                other.firstName(),
                "lastName",
                other.lastName(),
                "nationalId",
                person,
                "degree",
                "BACHELOR",
                "rowVersion",
                info.get("rowVersion").asLong()));
    assertRefused(
        central.putJson("/api/students/" + other.studentNumber(), edit),
        409,
        "person-has-active-file");
    assertThat(students.get(other.studentNumber()).nationalId()).isEqualTo(other.nationalId());
  }

  @Test
  void namesTypedWithArabicLettersOrStraySpacesAreStoredTidiedWhenAFileIsCreatedOrEdited() {
    Map<String, Object> data = newFile("firstName", "  علي\u00A0\u00A0رضا ");
    data.put("lastName", "كريمي\u200C\u200Cنيا\u200B");
    ApiClient central = ApiClient.signedIn(port, "central.admission", PASSWORD);
    Response created = central.postJson("/api/students", data);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String number = data.get("studentNumber").toString();
    assertThat(students.get(number).firstName()).isEqualTo("علی رضا");
    assertThat(students.get(number).lastName()).isEqualTo("کریمی\u200Cنیا");

    JsonNode info = central.get("/api/students/" + number + "/file").json().get("info");
    Map<String, Object> edit =
        new HashMap<>(
            Map.of(
                "firstName",
                "علی رضا",
                "lastName",
                "كريمي\u200Cنيا",
                "nationalId",
                info.get("nationalId").asText(),
                "degree",
                "BACHELOR",
                "rowVersion",
                info.get("rowVersion").asLong()));
    Response unchanged = central.putJson("/api/students/" + number, edit);
    assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
    assertThat(audit.ofStudent(students.get(number).id()))
        .as("the Arabic spelling of the stored name is no change")
        .noneMatch(e -> e.action() == AuditAction.FILE_EDITED);

    edit.put("firstName", "محمدعلي ");
    edit.put("rowVersion", unchanged.json().at("/info/rowVersion").asLong());
    Response edited = central.putJson("/api/students/" + number, edit);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(students.get(number).firstName()).isEqualTo("محمدعلی");
    assertThat(identity.createUserQuery().userId(number).singleResult().getFirstName())
        .isEqualTo("محمدعلی");
  }

  @Test
  void editingTheFilesInformationKeepsOldAndNewAndRefusesStaleEditsAndOtherFaculties() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    JsonNode info = clerk.get(fileOf(student)).json().get("info");
    Map<String, Object> edit =
        new HashMap<>(
            Map.of(
                "firstName",
                "سمیه",
                "lastName",
                info.get("lastName").asText(),
                "nationalId",
                info.get("nationalId").asText(),
                "degree",
                "MASTER",
                "rowVersion",
                info.get("rowVersion").asLong()));

    Response edited = clerk.putJson("/api/students/" + student.studentNumber(), edit);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().at("/student/fullName").asText()).startsWith("سمیه");
    assertThat(edited.json().at("/student/degree").asText()).isEqualTo("MASTER");
    assertThat(identity.createUserQuery().userId(student.userId()).singleResult().getFirstName())
        .as("the student's account follows the corrected name")
        .isEqualTo("سمیه");
    assertThat(audit.ofStudent(student.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_EDITED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("clerk.eng");
              assertThat(e.details())
                  .contains("firstName: «سمیرا» → «سمیه»")
                  .contains("degree: «BACHELOR» → «MASTER»");
            });

    edit.put("firstName", "سارا");
    assertRefused(
        clerk.putJson("/api/students/" + student.studentNumber(), edit), 409, "version-conflict");
    edit.put("rowVersion", edited.json().at("/info/rowVersion").asLong());
    assertRefused(
        ApiClient.signedIn(port, "clerk.sci", PASSWORD)
            .putJson("/api/students/" + student.studentNumber(), edit),
        403,
        "forbidden");
    assertRefused(
        ApiClient.signedIn(port, "graduates.office", PASSWORD)
            .putJson("/api/students/" + student.studentNumber(), edit),
        403,
        "forbidden");
    assertThat(students.get(student.studentNumber()).firstName()).isEqualTo("سمیه");
  }

  @Test
  void aDocumentsInformationIsEditedWithHistoryAndNewContentMakesANewVersion() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    JsonNode letter = register(clerk, student);
    long id = letter.get("id").asLong();
    long version = letter.get("rowVersion").asLong();

    Response edited =
        clerk.putJson(
            "/api/documents/" + id,
            Map.of(
                "description",
                "گواهی اشتغال به تحصیل (اصلاح‌شده)",
                "letterNumber",
                "۷۷",
                "letterDate",
                "۱۴۰۳/۰۶/۰۱",
                "rowVersion",
                version));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().get("letterDate").asText()).isEqualTo("1403/06/01");
    // A second clerk still holding the old row version is refused, and nothing of theirs is stored.
    assertRefused(
        clerk.putJson(
            "/api/documents/" + id,
            Map.of(
                "description",
                "دیگر",
                "letterNumber",
                "1",
                "letterDate",
                "1403/01/01",
                "rowVersion",
                version)),
        409,
        "version-conflict");
    assertRefused(
        clerk.putJson(
            "/api/documents/" + id,
            Map.of(
                "description",
                " ",
                "letterNumber",
                "1",
                "letterDate",
                "1403/01/01",
                "rowVersion",
                edited.json().get("rowVersion").asLong())),
        400,
        "description-required");
    assertRefused(
        ApiClient.signedIn(port, "clerk.hum", PASSWORD)
            .putJson(
                "/api/documents/" + id,
                Map.of("description", "x", "rowVersion", edited.json().get("rowVersion").asLong())),
        403,
        "forbidden");

    Response newVersion =
        clerk.multipart(
            "/api/documents/" + id + "/versions",
            Map.of("rowVersion", edited.json().get("rowVersion").asText()),
            "file",
            new FilePart(null, "نسخه دوم.jpg", "image/jpeg", DemoFiles.jpeg()));
    assertThat(newVersion.status()).as(newVersion.toString()).isEqualTo(200);
    assertThat(newVersion.json().at("/current/versionNo").asInt()).isEqualTo(2);
    assertThat(newVersion.json().get("versions")).hasSize(2);
    assertThat(newVersion.json().get("rowVersion").asLong())
        .isGreaterThan(edited.json().get("rowVersion").asLong());
    assertRefused(
        clerk.multipart(
            "/api/documents/" + id + "/versions",
            Map.of("rowVersion", String.valueOf(version)),
            "file",
            pdf()),
        409,
        "version-conflict");

    List<AuditView> trail = audit.ofDocument(id);
    assertThat(trail)
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_EDITED)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.details())
                    .contains(
                        "description: «گواهی اشتغال به تحصیل برای سفارت» → «گواهی اشتغال به تحصیل (اصلاح‌شده)»")
                    .contains("letterNumber: «12» → «۷۷»")
                    .contains("letterDate: «1403/05/12» → «1403/06/01»"));
    assertThat(trail).filteredOn(e -> e.action() == AuditAction.DOCUMENT_UPLOADED).hasSize(2);
  }

  @Test
  void deleteForCorrectionNeedsAReasonIsVisibleAndRestorableAndKeepsTheBytes() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    JsonNode letter = register(clerk, student);
    long id = letter.get("id").asLong();
    String contentUrl = letter.at("/current/contentUrl").asText();
    notes.record(
        student.id(),
        NoteKind.DOCUMENT_ADDRESS,
        "نشانی نامه برای تسویه",
        "clerk.eng",
        List.of(
            new NoteService.NewAddress(
                "parvandeh:document/" + id, "نامه", letter.at("/current/id").asLong())),
        null);

    assertRefused(
        clerk.postJson(
            "/api/documents/" + id + "/deletion",
            Map.of("reason", "  ", "rowVersion", letter.get("rowVersion").asLong())),
        400,
        "reason-required");
    assertRefused(
        ApiClient.signedIn(port, "4021100001", "0012345679")
            .postJson(
                "/api/documents/" + id + "/deletion",
                Map.of("reason", "x", "rowVersion", letter.get("rowVersion").asLong())),
        403,
        "forbidden");
    Response deleted =
        clerk.postJson(
            "/api/documents/" + id + "/deletion",
            Map.of(
                "reason",
                "شماره نامه اشتباه است",
                "rowVersion",
                letter.get("rowVersion").asLong()));
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
    assertThat(deleted.json().get("deletedBy").asText()).isEqualTo("clerk.eng");
    assertThat(deleted.json().get("deletedAtJalali").asText()).startsWith("۱۴");

    JsonNode file = clerk.get(fileOf(student)).json();
    JsonNode shown = duringStudy(file).get(0);
    assertThat(shown.get("deleted").asBoolean()).isTrue();
    assertThat(shown.get("deletionReason").asText()).isEqualTo("شماره نامه اشتباه است");
    assertThat(clerk.get(contentUrl).body()).as("the bytes are kept").isEqualTo(pdf().bytes());
    assertThat(reportAddressResolved(clerk, student))
        .as("report 112 flags the deleted document's address")
        .isFalse();
    assertThat(file.get("history").findValuesAsText("action"))
        .contains("DOCUMENT_DELETED_FOR_CORRECTION");

    Response restored =
        clerk.postJson(
            "/api/documents/" + id + "/restoration",
            Map.of("rowVersion", deleted.json().get("rowVersion").asLong()));
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().get("deleted").asBoolean()).isFalse();
    assertThat(reportAddressResolved(clerk, student)).isTrue();
    assertThat(audit.ofDocument(id))
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_RESTORED)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.details())
                    .contains("deleted: yes → no")
                    .contains("شماره نامه اشتباه است"));
    assertThat(audit.ofDocument(id))
        .filteredOn(e -> e.action() == AuditAction.DOCUMENT_DELETED_FOR_CORRECTION)
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("شماره نامه اشتباه است"));
  }

  @Test
  void theFilePageShowsDocumentsByStageNotesTimelineAndHistoryToThoseWhoMaySeeIt() {
    StudentRef student = admitted();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
    register(clerk, student);

    JsonNode file = clerk.get(fileOf(student)).json();
    assertThat(file.get("canChange").asBoolean()).isTrue();
    List<String> stages = new java.util.ArrayList<>();
    file.get("stages")
        .forEach(
            stage -> stages.add(stage.get("stage").asText() + " " + stage.get("label").asText()));
    assertThat(stages)
        .containsExactly(
            "ADMISSION پذیرش و ثبت‌نام", "DURING_STUDY در طول تحصیل", "GRADUATION دانش‌آموختگی");
    assertThat(duringStudy(file)).hasSize(1);
    assertThat(duringStudy(file).get(0).at("/current/previewUrl").asText()).endsWith("/preview");
    assertThat(file.get("notes")).hasSize(1);
    assertThat(file.at("/notes/0/kind").asText()).isEqualTo("STUDY_DOCUMENT");
    JsonNode timeline = file.get("timeline");
    assertThat(timeline.findValuesAsText("activityId"))
        .contains(
            "StartEvent_FileOpened",
            "StartEvent_StudyDocumentIssued",
            "Task_RecordStudyDocumentNote",
            "EndEvent_StudyDocumentNoted");
    assertThat(timeline.get(0).get("startedAtJalali").asText()).startsWith("۱۴");
    assertThat(file.get("history").findValuesAsText("action"))
        .contains("FILE_CREATED", "DOCUMENT_UPLOADED", "NOTE_RECORDED");
    assertThat(audit.ofStudent(student.id()))
        .extracting(AuditView::action)
        .contains(AuditAction.FILE_VIEWED);

    assertThat(
            ApiClient.signedIn(port, "manager", PASSWORD)
                .get(fileOf(student))
                .json()
                .get("canChange")
                .asBoolean())
        .isFalse();
    assertRefused(
        ApiClient.signedIn(port, "clerk.sci", PASSWORD).get(fileOf(student)), 403, "forbidden");
    assertRefused(
        ApiClient.signedIn(port, "4021100001", "0012345679").get(fileOf(student)),
        403,
        "forbidden");
  }

  private JsonNode register(ApiClient clerk, StudentRef student) {
    Response registered =
        clerk.multipart(
            "/api/students/" + student.studentNumber() + "/study-documents/office-letters",
            letter("12", "1403/05/12", "گواهی اشتغال به تحصیل برای سفارت"),
            "file",
            pdf());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    runJobs(registered.json().get("processInstanceId").asText());
    return registered.json().get("document");
  }

  private void runJobs(String instanceId) {
    DueJobs.run(management, instanceId);
  }

  private static JsonNode duringStudy(JsonNode file) {
    for (JsonNode stage : file.get("stages")) {
      if (stage.get("stage").asText().equals("DURING_STUDY")) {
        return stage.get("documents");
      }
    }
    throw new AssertionError("no during-study stage");
  }

  private StudentRef admitted() {
    return students.admit(TestStudents.newStudent("engineering", 1401, false), "admission-office");
  }

  private static String fileOf(StudentRef student) {
    return "/api/students/" + student.studentNumber() + "/file";
  }

  @Test
  void numbersASpreadsheetDamagedAreReadAsTheListReadsThemNotStoredAsOtherNumbers() {
    ApiClient central = ApiClient.signedIn(port, "central.admission", PASSWORD);
    Map<String, Object> scientific = newFile("studentNumber", "4.05E+09");
    Map<String, Object> dashed = newFile("studentNumber", "405-92-00999");
    Map<String, Object> lateYear = newFile("entryYear", 1499);
    Map<String, Object> decimals = newFile("engineering");
    String number = decimals.get("studentNumber").toString();
    String nationalId = TestStudents.nationalIdWithLeadingZeros();
    decimals.put("studentNumber", number + ".0");
    // Excel's number 12345679.0 for the ID 0012345679: the zeros it dropped are put back.
    String shortId = nationalId.substring(2);
    decimals.put("nationalId", shortId + ".0");

    Response lost = central.postJson("/api/students", scientific);
    Response grouped = central.postJson("/api/students", dashed);
    Response year = central.postJson("/api/students", lateYear);
    Response read = central.postJson("/api/students", decimals);

    assertThat(lost.status()).as(lost.toString()).isEqualTo(400);
    assertThat(lost.json().path("code").asText()).isEqualTo("invalid-student-number");
    assertThat(lost.json().path("messageEn").asText()).contains("scientific notation");
    assertThat(grouped.json().path("code").asText()).isEqualTo("invalid-student-number");
    assertThat(year.status()).as(year.toString()).isEqualTo(400);
    assertThat(year.json().path("code").asText()).isEqualTo("invalid-entry-year");
    assertThat(students.find("40509")).isEmpty();
    assertThat(students.find("4059200999")).isEmpty();
    assertThat(read.status()).as(read.toString()).isEqualTo(201);
    assertThat(students.get(number).nationalId()).isEqualTo(nationalId);

    JsonNode info = central.get("/api/students/" + number + "/file").json().get("info");
    Map<String, Object> edit =
        new HashMap<>(
            Map.of(
                "firstName",
                info.get("firstName").asText(),
                "lastName",
                info.get("lastName").asText(),
                "nationalId",
                shortId + ".0",
                "degree",
                "BACHELOR",
                "rowVersion",
                info.get("rowVersion").asLong()));
    Response edited = central.putJson("/api/students/" + number, edit);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(students.get(number).nationalId()).isEqualTo(nationalId);
    edit.put("nationalId", "1.23457E+07");
    Response refused = central.putJson("/api/students/" + number, edit);
    assertThat(refused.json().path("code").asText()).isEqualTo("invalid-national-id");
    assertThat(refused.json().path("messageEn").asText()).contains("scientific notation");
  }

  @Test
  void aNameWithALetterLostToAnEncodingIsRefusedNotStored() {
    Map<String, Object> replaced = newFile("firstName", "م\uFFFDیم");
    Map<String, Object> questioned = newFile("lastName", "??????");
    ApiClient central = ApiClient.signedIn(port, "central.admission", PASSWORD);

    Response first = central.postJson("/api/students", replaced);
    Response last = central.postJson("/api/students", questioned);

    assertThat(first.status()).as(first.toString()).isEqualTo(400);
    assertThat(first.json().path("code").asText()).isEqualTo("first-name-lost-letters");
    assertThat(last.json().path("code").asText()).isEqualTo("last-name-lost-letters");
    assertThat(last.json().path("messageFa").asText()).contains("از دست رفته");
    assertThat(students.find((String) questioned.get("studentNumber"))).isEmpty();
  }

  @Test
  void aNameThatIsAFormulaOrHasNoLetterIsRefusedThroughTheApiAsInAList() {
    ApiClient central = ApiClient.signedIn(port, "central.admission", PASSWORD);
    Map<String, Object> formula = newFile("lastName", "=HYPERLINK(\"http://x\",\"x\")");
    Map<String, Object> digits = newFile("firstName", "12345");
    Map<String, Object> marks = newFile("firstName", "\u064E\u064F");

    assertThat(central.postJson("/api/students", formula).json().path("code").asText())
        .isEqualTo("last-name-formula");
    assertThat(central.postJson("/api/students", digits).json().path("code").asText())
        .isEqualTo("first-name-without-letters");
    assertThat(central.postJson("/api/students", marks).json().path("code").asText())
        .isEqualTo("first-name-without-letters");
    assertThat(students.find((String) formula.get("studentNumber"))).isEmpty();
  }

  /** A new engineering file with {@code field} set to {@code value}. */
  private static Map<String, Object> newFile(String field, Object value) {
    Map<String, Object> data = newFile("engineering");
    data.put(field, value);
    return data;
  }

  private static Map<String, Object> newFile(String faculty) {
    var data = TestStudents.newStudent(faculty, 1403, false);
    return new HashMap<>(
        Map.of(
            "studentNumber",
            data.studentNumber(),
            "nationalId",
            data.nationalId(),
            "firstName",
            data.firstName(),
            "lastName",
            data.lastName(),
            "facultyCode",
            faculty,
            "degree",
            "BACHELOR",
            "entryYear",
            1403,
            "admissionType",
            "REMOTE",
            "brilliantTalent",
            false));
  }

  /**
   * Whether report 112 resolves the address of the note that vouches for the student's study
   * letter.
   */
  private boolean reportAddressResolved(ApiClient clerk, StudentRef student) {
    JsonNode report =
        clerk.get("/api/reports/notes?studentNumber=" + student.studentNumber()).json();
    for (JsonNode note : report.at("/students/0/notes")) {
      for (JsonNode address : note.get("addresses")) {
        if (!address.get("external").asBoolean()
            && note.get("kind").asText().equals("DOCUMENT_ADDRESS")) {
          return address.get("resolved").asBoolean();
        }
      }
    }
    throw new AssertionError("no document-address note in report 112: " + report);
  }
}
