package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.note.NoteService;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text a user sends that we store (file names, descriptions, letter numbers, reasons, notes,
 * addresses, names) is checked against its column's length and for control characters, with a 400
 * naming the field; nothing is stored.
 */
@ParvandehIntegrationTest
class TextLimitTests {

  private static final String RLO = "\u202E";

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired DocumentCorrections corrections;
  @Autowired DocumentProperties properties;
  @Autowired NoteService notes;
  @Autowired GraduationClearance clearance;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  UploadingStudent uploader;
  ApiClient clerk;

  @BeforeEach
  void admittedStudentAndTheirFacultyClerk() {
    uploader = UploadingStudent.admit(port, students, runtime, management, documents, properties);
    clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
  }

  static Stream<Arguments> fileNames() {
    return Stream.of(
        Arguments.of(
            "256 characters", "a".repeat(252) + ".pdf", "file-name-too-long", "at most 255"),
        Arguments.of(
            "460 characters", "ن".repeat(456) + ".pdf", "file-name-too-long", "at most 255"),
        Arguments.of(
            "5000 characters", "ن".repeat(4996) + ".pdf", "file-name-too-long", "at most 255"),
        Arguments.of("a NUL", "scan\u0000.pdf", "file-name-control-character", "U+0000"),
        Arguments.of(
            "an escape character", "scan\u001B[31m.pdf", "file-name-control-character", "U+001B"),
        Arguments.of(
            "a right-to-left override",
            "invoice" + RLO + "fdp.exe.pdf",
            "file-name-bidi-control",
            "U+202E"),
        Arguments.of(
            "a left-to-right isolate", "scan\u2066.pdf", "file-name-bidi-control", "U+2066"),
        Arguments.of(
            "a right-to-left mark", "شناسنامه\u200F.pdf", "file-name-bidi-control", "U+200F"));
  }

  @ParameterizedTest(name = "a file name with {0} is refused")
  @MethodSource("fileNames")
  void anUploadsFileNameIsCheckedBeforeAnythingIsStored(
      String what, String fileName, String code, String en) {
    Response answer =
        uploader.refusedUpload(
            new FilePart("BIRTH_CERTIFICATE", fileName, "application/pdf", DemoFiles.pdf("birth")));
    assertRefused(answer, code, en);
    assertThat(answer.json().get("messageEn").asText()).contains("file name");
    assertThat(answer.json().get("messageFa").asText()).contains("نام فایل");
  }

  static Stream<Arguments> letterFields() {
    return Stream.of(
        Arguments.of(
            "a description over 1000 characters",
            "ش".repeat(1001),
            "۱۲/۳۴",
            "description-too-long",
            "at most 1000"),
        Arguments.of(
            "a description with a NUL",
            "گواهی\u0000",
            "۱۲/۳۴",
            "description-control-character",
            "U+0000"),
        Arguments.of(
            "a letter number over 100 characters",
            "گواهی",
            "1".repeat(101),
            "letter-number-too-long",
            "at most 100"),
        Arguments.of(
            "a letter number with a right-to-left override",
            "گواهی",
            "12" + RLO + "34",
            "letter-number-bidi-control",
            "U+202E"));
  }

  @ParameterizedTest(name = "an office letter with {0} is refused")
  @MethodSource("letterFields")
  void anOfficeLettersTextIsCheckedBeforeAnythingIsStored(
      String what, String description, String letterNumber, String code, String en) {
    long blobs = uploader.storedBlobs();
    Response answer =
        clerk.multipart(
            studyDocuments() + "/office-letters",
            Map.of(
                "typeCode",
                "ENROLLMENT_CERTIFICATE",
                "letterNumber",
                letterNumber,
                "letterDate",
                "1403/07/15",
                "description",
                description),
            "file",
            new FilePart(null, "letter.pdf", "application/pdf", DemoFiles.pdf("letter")));
    assertRefused(answer, code, en);
    assertThat(corrections.documentsOf(uploader.student().id())).isEmpty();
    assertThat(uploader.storedBlobs()).isEqualTo(blobs);
  }

  @Test
  void bidiControlsInADescriptionAreDroppedNotStored() {
    Response answer =
        clerk.multipart(
            studyDocuments() + "/office-letters",
            Map.of(
                "typeCode",
                "ENROLLMENT_CERTIFICATE",
                "letterNumber",
                "۱۲/۳۴",
                "letterDate",
                "1403/07/15",
                "description",
                "گواهی\u200F اشتغال " + RLO + "exe.txt"),
            "file",
            new FilePart(null, "letter.pdf", "application/pdf", DemoFiles.pdf("letter")));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(corrections.documentsOf(uploader.student().id()))
        .extracting(FileDocumentView::description)
        .containsExactly("گواهی اشتغال exe.txt");
  }

  @Test
  void aDeletionReasonAndAnEditedDescriptionAreBoundedByTheirColumns() {
    Response letter =
        clerk.multipart(
            studyDocuments() + "/office-letters",
            Map.of(
                "typeCode",
                "ENROLLMENT_CERTIFICATE",
                "letterNumber",
                "۱۲/۳۴",
                "letterDate",
                "1403/07/15",
                "description",
                "گواهی"),
            "file",
            new FilePart(null, "letter.pdf", "application/pdf", DemoFiles.pdf("letter")));
    long id = letter.json().at("/document/id").asLong();
    long rowVersion = letter.json().at("/document/rowVersion").asLong();
    assertRefused(
        clerk.postJson(
            "/api/documents/" + id + "/deletion",
            Map.of("reason", "د".repeat(1001), "rowVersion", rowVersion)),
        "deletion-reason-too-long",
        "at most 1000");
    assertRefused(
        clerk.putJson(
            "/api/documents/" + id, Map.of("description", "گواهی\u0007", "rowVersion", rowVersion)),
        "description-control-character",
        "U+0007");
    FileDocumentView unchanged = corrections.documentsOf(uploader.student().id()).get(0);
    assertThat(unchanged.deleted()).isFalse();
    assertThat(unchanged.description()).isEqualTo("گواهی");
  }

  @Test
  void aStudentsNameWithAControlCharacterIsRefused() {
    StudentRef student = uploader.student();
    Response answer =
        clerk.putJson(
            "/api/students/" + student.studentNumber(),
            Map.of(
                "firstName",
                "سمیرا" + RLO,
                "lastName",
                student.lastName(),
                "rowVersion",
                student.rowVersion()));
    assertRefused(answer, "first-name-bidi-control", "U+202E");
    assertThat(students.get(student.studentNumber()).firstName()).isEqualTo(student.firstName());
  }

  static Stream<Arguments> noteFields() {
    return Stream.of(
        Arguments.of(
            "a body over 4000 characters",
            "ی".repeat(4001),
            "اتوماسیون اداری",
            "گواهی",
            "note-body-too-long",
            "at most 4000"),
        Arguments.of(
            "a body with a NUL",
            "گواهی\u0000",
            "اتوماسیون اداری",
            "گواهی",
            "note-body-control-character",
            "U+0000"),
        Arguments.of(
            "an address over 500 characters",
            "گواهی کارآموزی",
            "ن".repeat(501),
            "گواهی",
            "address-too-long",
            "at most 500"),
        Arguments.of(
            "an address with a right-to-left override",
            "گواهی کارآموزی",
            "نامه " + RLO + "۱۲۳",
            "گواهی",
            "address-bidi-control",
            "U+202E"),
        Arguments.of(
            "a label over 300 characters",
            "گواهی کارآموزی",
            "اتوماسیون اداری",
            "گ".repeat(301),
            "address-label-too-long",
            "at most 300"));
  }

  @ParameterizedTest(name = "a clearance note with {0} is refused")
  @MethodSource("noteFields")
  void aClearanceNotesTextIsBoundedByItsColumns(
      String what, String body, String address, String label, String code, String en) {
    String completion = facultyCompletionTaskClaimedByTheClerk();
    Long studentId = uploader.student().id();
    int before = notes.notesOf(studentId).size();
    Response answer =
        clerk.postJson(
            "/api/clearance/tasks/" + completion + "/notes",
            Map.of("body", body, "addresses", List.of(Map.of("address", address, "label", label))));
    assertRefused(answer, code, en);
    assertThat(notes.notesOf(studentId)).hasSize(before);
  }

  private void assertRefused(Response answer, String code, String en) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("code").asText()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.json().get("messageEn").asText()).contains(en);
    assertThat(answer.json().get("messageFa").asText()).containsPattern("[\\u0600-\\u06FF]");
  }

  private String studyDocuments() {
    return "/api/students/" + uploader.student().studentNumber() + "/study-documents";
  }

  /**
   * Walks the file into clearance, central records finds something missing, the faculty clerk
   * claims the task.
   */
  private String facultyCompletionTaskClaimedByTheClerk() {
    String number = uploader.student().studentNumber();
    String instance = DueJobs.fileInstanceOf(runtime, number);
    runtime
        .createProcessInstanceModification(instance)
        .cancelAllForActivity("Task_UploadDocuments")
        .startBeforeActivity("Event_StudyEnded")
        .execute();
    clearance.endStudy(number, StudentStatus.GRADUATED, "golestan");
    DueJobs.run(management, instance);
    String check =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_CheckFileClearance")
            .singleResult()
            .getId();
    tasks.claim(check, "central.records");
    tasks.complete(
        check,
        Map.of(
            StudentFileProcess.VAR_FILE_COMPLETE,
            false,
            StudentFileProcess.VAR_MISSING_ITEMS,
            "گواهی کارآموزی"));
    DueJobs.run(management, instance);
    String completion =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_CompleteFileForClearance")
            .singleResult()
            .getId();
    tasks.claim(completion, "clerk.eng");
    return completion;
  }
}
