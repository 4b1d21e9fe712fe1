package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.preservation.FixityFindings.Finding;
import app.parvandeh.preservation.FixityFindings.Kind;
import app.parvandeh.preservation.FixityFindings.Source;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every read checks what it serves: a flipped or deleted primary copy is served from the replica's
 * good bytes and rewritten; a blob bad in both copies is a Persian refusal (download, preview,
 * BagIt export), never the bad bytes; each bad copy is recorded as a finding, and a blob with no
 * good copy left is raised to managers.
 */
@ParvandehIntegrationTest
class ContentFixityOnReadTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired ContentCopies copies;
  @Autowired DocumentProperties properties;
  @Autowired FixityFindings findings;
  @Autowired FixityAlerts alerts;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  StudentRef student;
  ApiClient studentApi;
  StoredBlobs blobs;
  byte[] pdf;
  String contentUrl;
  String previewUrl;
  String sha256;

  @BeforeEach
  void aStudentWithAnUploadedPdfCopiedToTheReplica() {
    blobs = new StoredBlobs(properties);
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    studentApi = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    pdf = DemoFiles.pdf("birth certificate " + UUID.randomUUID());
    Response upload =
        studentApi.upload(
            "/api/students/" + student.studentNumber() + "/documents",
            List.of(new FilePart("BIRTH_CERTIFICATE", "شناسنامه.pdf", "application/pdf", pdf)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    contentUrl = upload.json().at("/documents/0/current/contentUrl").asText();
    previewUrl = upload.json().at("/documents/0/current/previewUrl").asText();
    long versionId = upload.json().at("/documents/0/current/id").asLong();
    sha256 = documents.content(versionId).sha256();
    copies.catchUp();
    assertThat(blobs.replica(sha256)).as("the replica caught up").isRegularFile();
  }

  @Test
  void aFlippedByteInThePrimaryIsServedFromTheReplicaAndTheprimaryIsRewritten() throws Exception {
    StoredBlobs.flipAByte(blobs.primary(sha256));

    Response read = studentApi.get(contentUrl);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(pdf);
    assertThat(Files.readAllBytes(blobs.primary(sha256))).isEqualTo(pdf);
    assertThat(findings.ofContent(sha256))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.source()).isEqualTo(Source.READ);
              assertThat(f.kind()).isEqualTo(Kind.CHANGED);
              assertThat(f.copy()).isEqualTo(Copy.PRIMARY);
              assertThat(f.repaired()).isTrue();
              assertThat(f.studentNumber()).isEqualTo(student.studentNumber());
            });
  }

  @Test
  void aBlobDeletedFromThePrimaryIsServedFromTheReplicaAndPutBack() throws Exception {
    Files.delete(blobs.primary(sha256));

    Response read = studentApi.get(contentUrl);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(pdf);
    assertThat(Files.readAllBytes(blobs.primary(sha256))).isEqualTo(pdf);
    assertThat(findings.ofContent(sha256))
        .extracting(Finding::kind, Finding::repaired)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MISSING, true));
  }

  @Test
  void aBlobBadInBothCopiesIsRefusedInPersianAndRaisedToManagers() throws Exception {
    StoredBlobs.flipAByte(blobs.primary(sha256));
    Files.delete(blobs.replica(sha256));

    Response read = studentApi.get(contentUrl);

    assertThat(read.status()).isEqualTo(409);
    assertThat(read.header("Content-Type")).startsWith("application/json");
    assertThat(read.json().get("code").asText()).isEqualTo("content-damaged");
    assertThat(read.json().get("messageFa").asText()).contains("آسیب");
    assertThat(new String(read.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
    assertThat(findings.ofContent(sha256))
        .extracting(Finding::copy, Finding::kind, Finding::repaired)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Copy.PRIMARY, Kind.CHANGED, false),
            org.assertj.core.groups.Tuple.tuple(Copy.REPLICA, Kind.MISSING, false));
    assertThat(alerts.openTask()).isNotNull();
    String description = alerts.openTask().getDescription();
    assertThat(description).contains(student.studentNumber());

    assertThat(studentApi.get(contentUrl).status()).as("a retry").isEqualTo(409);
    assertThat(findings.ofContent(sha256)).hasSize(4);
    assertThat(alerts.openTask().getDescription()).as("told once").isEqualTo(description);
  }

  @Test
  void aPreviewOfAPdfBadInBothCopiesIsRefusedInPersian() throws Exception {
    StoredBlobs.flipAByte(blobs.primary(sha256));
    StoredBlobs.flipAByte(blobs.replica(sha256));

    Response preview = studentApi.get(previewUrl);

    assertThat(preview.status()).isEqualTo(409);
    assertThat(preview.json().get("code").asText()).isEqualTo("content-damaged");
  }

  @Test
  void theBagItExportOfAFileWithABlobBadInBothCopiesIsAPersianRefusalNotARaw500() throws Exception {
    Files.delete(blobs.primary(sha256));
    StoredBlobs.flipAByte(blobs.replica(sha256));

    Response export =
        ApiClient.signedIn(port, "manager", "parvandeh")
            .get("/api/students/" + student.studentNumber() + "/export");

    assertThat(export.status()).isEqualTo(409);
    assertThat(export.json().get("code").asText()).isEqualTo("content-damaged");
    assertThat(export.json().get("messageFa").asText()).isNotBlank();
  }
}
