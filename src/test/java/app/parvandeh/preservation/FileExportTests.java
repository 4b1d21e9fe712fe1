package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.document.Upload;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.domain.Version;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A student's file exported as a BagIt bag: read back with the Library of Congress' reader it is
 * complete and valid, holds every version's exact bytes (a version deleted for correction too), the
 * notes and the whole audit trail; only the audit trail's readers may export, and the export itself
 * is recorded.
 */
@ParvandehIntegrationTest
class FileExportTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired DocumentCorrections corrections;
  @Autowired StudyDocuments studyDocuments;
  @Autowired NoteService notes;
  @Autowired AuditLog audit;
  @Autowired FileExport fileExport;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @TempDir Path unzipped;

  StudentRef student;
  ApiClient studentApi;
  final Map<String, byte[]> uploaded = new java.util.HashMap<>();

  static final byte[] DIPLOMA_1 = DemoFiles.pdf("diploma, first scan");
  static final byte[] DIPLOMA_2 = DemoFiles.pdf("diploma, readable scan");
  static final byte[] BIRTH = DemoFiles.pdf("birth certificate");
  static final byte[] LETTER = DemoFiles.pdf("enrollment certificate letter");

  @BeforeEach
  void aFileWithHistory() {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    student = students.admit(data, "admission-office");
    String instance = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    DueJobs.run(management, instance);
    studentApi = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    Response upload =
        studentApi.upload(
            "/api/students/" + student.studentNumber() + "/documents",
            List.of(
                new FilePart("PHOTO", "عکس پرسنلی.jpg", "image/jpeg", DemoFiles.jpeg()),
                new FilePart("NATIONAL_ID_CARD", "کارت ملی.png", "image/png", DemoFiles.png()),
                new FilePart("BIRTH_CERTIFICATE", "شناسنامه.pdf", "application/pdf", BIRTH),
                new FilePart(
                    "PREVIOUS_DEGREE_CERTIFICATE",
                    "دیپلم: متوسطه*.pdf",
                    "application/pdf",
                    DIPLOMA_1)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    // the student opens their diploma once: a download in the trail
    assertThat(
            studentApi.get(upload.json().at("/documents/3/current/contentUrl").asText()).status())
        .isEqualTo(200);
    assertThat(studentApi.post("/api/portal/submit").status()).isEqualTo(200);

    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    Long diploma = idOf("PREVIOUS_DEGREE_CERTIFICATE");
    documents.review(
        student.id(),
        diploma,
        ReviewStage.FACULTY,
        ReviewDecision.REJECTED,
        "تصویر ناخوانا است",
        "clerk.eng",
        task);
    documents.review(
        student.id(),
        idOf("PHOTO"),
        ReviewStage.FACULTY,
        ReviewDecision.ACCEPTED,
        null,
        "clerk.eng",
        task);
    corrections.addVersion(
        diploma,
        document(diploma).rowVersion(),
        new Upload(null, "دیپلم خوانا.pdf", () -> new ByteArrayInputStream(DIPLOMA_2)),
        "central.admission");
    Long birth = idOf("BIRTH_CERTIFICATE");
    corrections.deleteForCorrection(
        birth, document(birth).rowVersion(), "شناسنامه شخص دیگری است", "clerk.eng");
    FileDocumentView letter =
        studyDocuments.registerOfficeLetter(
            student.id(),
            "ENROLLMENT_CERTIFICATE",
            new Upload(
                "ENROLLMENT_CERTIFICATE",
                "گواهی اشتغال به تحصیل.pdf",
                () -> new ByteArrayInputStream(LETTER)),
            "۱۲۳۴/۵۶",
            "1403/07/15",
            "گواهی اشتغال به تحصیل برای سفارت",
            "clerk.eng");
    notes.record(
        student.id(),
        NoteKind.GENERAL,
        "گواهی اشتغال به تحصیل صادر شد",
        "clerk.eng",
        List.of(
            new NoteService.NewAddress(
                "parvandeh:document/" + letter.id() + "/version/1", "گواهی", letter.current().id()),
            new NoteService.NewAddress("بایگانی دانشکده، قفسه ۳", "پرونده کاغذی", null)),
        null);
  }

  @Test
  void aManagerGetsAVerifiedBagWithEveryVersionNotesAndTheWholeAuditTrail() throws Exception {
    int entriesBefore = audit.ofStudent(student.id()).size();
    Response answer =
        ApiClient.signedIn(port, "manager", "parvandeh")
            .get("/api/students/" + student.studentNumber() + "/export");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/zip");
    assertThat(answer.header("Content-Disposition"))
        .contains("parvandeh-" + student.studentNumber() + "-bag.zip");
    unzip(answer.body());
    Path root = unzipped.resolve("parvandeh-" + student.studentNumber() + "-bag");

    Bag bag = new BagReader().read(root);
    try (BagVerifier verifier = new BagVerifier()) {
      verifier.isComplete(bag, false);
      verifier.isValid(bag, false);
    }
    assertThat(bag.getVersion()).isEqualTo(new Version(1, 0));
    assertThat(bag.getPayLoadManifests())
        .extracting(Manifest::getAlgorithm)
        .containsExactly(StandardSupportedAlgorithms.SHA256);
    assertThat(bag.getTagManifests())
        .extracting(Manifest::getAlgorithm)
        .containsExactly(StandardSupportedAlgorithms.SHA256);
    assertThat(bag.getMetadata().get("External-Identifier"))
        .containsExactly(student.studentNumber());
    assertThat(bag.getMetadata().get("Source-Organization")).hasSize(1);
    assertThat(bag.getMetadata().get("Bagging-Date")).hasSize(1);
    assertThat(bag.getMetadata().get("Payload-Oxum")).hasSize(1);

    JsonNode file = JSON.readTree(root.resolve("data/file.json").toFile());
    assertThat(file.at("/student/studentNumber").asText()).isEqualTo(student.studentNumber());
    assertThat(file.at("/counts/versions").asInt()).isEqualTo(6);
    assertThat(file.at("/counts/deletedDocuments").asInt()).isEqualTo(1);
    List<JsonNode> versions = new ArrayList<>();
    file.get("documents").forEach(d -> d.get("versions").forEach(versions::add));
    assertThat(versions).hasSize(6);
    for (JsonNode v : versions) {
      assertThat(root.resolve(v.get("path").asText())).as(v.toString()).isRegularFile();
    }
    JsonNode diploma = documentNode(file, "PREVIOUS_DEGREE_CERTIFICATE");
    assertThat(bytesAt(root, diploma.at("/versions/0"))).isEqualTo(DIPLOMA_1);
    assertThat(bytesAt(root, diploma.at("/versions/1"))).isEqualTo(DIPLOMA_2);
    assertThat(diploma.at("/versions/0/path").asText())
        .startsWith("data/documents/ADMISSION/PREVIOUS_DEGREE_CERTIFICATE-")
        .endsWith("/v1-دیپلم_ متوسطه_.pdf");
    assertThat(diploma.at("/versions/0/facultyReview/decision").asText()).isEqualTo("REJECTED");
    assertThat(diploma.at("/versions/1/current").asBoolean()).isTrue();
    JsonNode birth = documentNode(file, "BIRTH_CERTIFICATE");
    assertThat(birth.get("deletedForCorrection").asBoolean()).isTrue();
    assertThat(birth.at("/deletion/reason").asText()).isEqualTo("شناسنامه شخص دیگری است");
    assertThat(birth.at("/deletion/deletedBy").asText()).isEqualTo("clerk.eng");
    assertThat(birth.at("/versions/0/deletedForCorrection").asBoolean()).isTrue();
    assertThat(birth.at("/versions/0/path").asText()).contains("deleted-for-correction");
    assertThat(bytesAt(root, birth.at("/versions/0"))).isEqualTo(BIRTH);
    assertThat(bytesAt(root, documentNode(file, "PHOTO").at("/versions/0")))
        .isEqualTo(DemoFiles.jpeg());
    assertThat(bytesAt(root, documentNode(file, "NATIONAL_ID_CARD").at("/versions/0")))
        .isEqualTo(DemoFiles.png());
    JsonNode letter = documentNode(file, "ENROLLMENT_CERTIFICATE");
    assertThat(letter.get("stage").asText()).isEqualTo("DURING_STUDY");
    assertThat(bytesAt(root, letter.at("/versions/0"))).isEqualTo(LETTER);
    assertThat(file.at("/notes/0/addresses/0/path").asText())
        .isEqualTo(letter.at("/versions/0/path").asText());

    List<CSVRecord> trail = csv(root.resolve("data/audit.csv"));
    assertThat(trail)
        .anySatisfy(r -> assertRow(r, "DOCUMENT_UPLOADED", student.studentNumber()))
        .anySatisfy(r -> assertRow(r, "DOCUMENT_UPLOADED", "central.admission"))
        .anySatisfy(r -> assertRow(r, "DOCUMENT_UPLOADED", "clerk.eng"))
        .anySatisfy(r -> assertRow(r, "DOCUMENT_DOWNLOADED", student.studentNumber()))
        .anySatisfy(r -> assertRow(r, "DOCUMENT_REVIEWED", "clerk.eng"))
        .anySatisfy(r -> assertRow(r, "DOCUMENT_DELETED_FOR_CORRECTION", "clerk.eng"))
        .anySatisfy(r -> assertRow(r, "NOTE_RECORDED", "clerk.eng"))
        .anySatisfy(r -> assertRow(r, "FILE_CREATED", "admission-office"));
    assertThat(trail).as("the whole trail up to the export").hasSize(entriesBefore);
    assertThat(trail)
        .allSatisfy(
            r -> {
              assertThat(Instant.parse(r.get("زمان (ISO)"))).isNotNull();
              assertThat(r.get("زمان (شمسی)")).startsWith("۱۴");
            });
    List<CSVRecord> noteRows = csv(root.resolve("data/notes.csv"));
    assertThat(noteRows)
        .hasSize(2)
        .allSatisfy(
            r -> assertThat(r.get("متن یادداشت")).isEqualTo("گواهی اشتغال به تحصیل صادر شد"));
    assertThat(noteRows.get(0).get("مسیر در بسته"))
        .isEqualTo(letter.at("/versions/0/path").asText());
    assertThat(noteRows.get(1).get("نشانی")).isEqualTo("بایگانی دانشکده، قفسه ۳");

    String manifestSha = Bags.sha256Of(root.resolve("manifest-sha256.txt"));
    assertThat(answer.header("X-Parvandeh-Manifest-Sha256")).isEqualTo(manifestSha);
    assertThat(audit.ofStudent(student.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_EXPORTED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("manager");
              assertThat(e.details())
                  .contains("6 versions")
                  .contains("1 deleted for correction")
                  .contains("sha256 " + manifestSha);
            });
    assertThat(leftovers()).as("the working directory is removed").isEmpty();
  }

  @Test
  void onlyTheAuditTrailsReadersMayExport() {
    String path = "/api/students/" + student.studentNumber() + "/export";
    assertThat(ApiClient.signedIn(port, "central.records", "parvandeh").get(path).status())
        .isEqualTo(200);
    for (String refused : List.of("clerk.sci", "clerk.eng", "graduates.office", "process.owner")) {
      Response answer = ApiClient.signedIn(port, refused, "parvandeh").get(path);
      assertThat(answer.status()).as(refused).isEqualTo(403);
      assertThat(answer.json().get("messageFa").asText()).isNotBlank();
    }
    assertThat(studentApi.get(path).status()).isEqualTo(403);
    assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);
    assertThat(
            ApiClient.signedIn(port, "manager", "parvandeh")
                .get("/api/students/0000000000/export")
                .status())
        .isEqualTo(404);
    assertThat(audit.ofStudent(student.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_EXPORTED)
        .extracting(AuditLog.AuditView::actor)
        .containsExactly("central.records");
  }

  private static void assertRow(CSVRecord r, String action, String actor) {
    assertThat(r.get("عملیات")).isEqualTo(action);
    assertThat(r.get("کاربر")).isEqualTo(actor);
  }

  private Long idOf(String typeCode) {
    return corrections.documentsOf(student.id()).stream()
        .filter(d -> d.typeCode().equals(typeCode))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private FileDocumentView document(Long id) {
    return corrections.documentsOf(student.id()).stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode documentNode(JsonNode file, String typeCode) {
    for (JsonNode d : file.get("documents")) {
      if (d.get("typeCode").asText().equals(typeCode)) {
        return d;
      }
    }
    throw new AssertionError("no " + typeCode + " in file.json");
  }

  private static byte[] bytesAt(Path root, JsonNode version) throws IOException {
    return Files.readAllBytes(root.resolve(version.get("path").asText()));
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    try (Reader reader =
        new java.io.StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))) {
      return CSVFormat.EXCEL
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  private void unzip(byte[] zip) throws IOException {
    BagChecks.unzip(new ByteArrayInputStream(zip), unzipped);
  }

  private List<Path> leftovers() throws IOException {
    if (!Files.isDirectory(fileExport.workRoot())) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(fileExport.workRoot())) {
      return children.toList();
    }
  }
}
