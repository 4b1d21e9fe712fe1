package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.signing.SignatureTools;
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
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A faculty's files exported in bulk: one ZIP of bags, one per student, made by the single file's
 * export; progress shown by a job; each bag valid for the BagIt verifier and for {@code sha256sum
 * -c}; for the audit trail's readers.
 */
@ParvandehIntegrationTest
class BulkExportTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired AuditLog audit;

  @TempDir Path unzipped;

  String faculty;
  final List<StudentRef> admitted = new ArrayList<>();
  final List<byte[]> uploaded = new ArrayList<>();

  /** A faculty of its own, so the export's scope is exactly these three files. */
  @BeforeEach
  void aFacultyWithThreeFiles() {
    faculty = "bulk" + UUID.randomUUID().toString().substring(0, 8);
    students.registerFaculty(faculty, "دانشکده آزمون خروجی " + faculty, "Bulk export test faculty");
    for (int i = 0; i < 3; i++) {
      NewStudent data = TestStudents.newStudent(faculty, 1402, false);
      StudentRef student = students.admit(data, "admission-office");
      DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
      byte[] bytes = DemoFiles.pdf("bulk export " + faculty + " " + i);
      Response upload =
          ApiClient.signedIn(port, student.studentNumber(), data.nationalId())
              .upload(
                  "/api/students/" + student.studentNumber() + "/documents",
                  List.of(
                      new FilePart(
                          "BIRTH_CERTIFICATE", "شناسنامه " + i + ".pdf", "application/pdf", bytes),
                      new FilePart("PHOTO", "عکس.png", "image/png", DemoFiles.png())));
      assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
      admitted.add(student);
      uploaded.add(bytes);
    }
  }

  @Test
  void aManagerExportsAFacultyAsOneZipOfVerifiedBagsOnePerStudent() throws Exception {
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");
    Response started = manager.postJson("/api/exports", Map.of("faculty", faculty));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    JsonNode job = awaitEnd(manager, "/api/exports/" + started.json().get("id").asText());
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("done").asInt()).isEqualTo(3);
    assertThat(job.get("total").asInt()).isEqualTo(3);
    assertThat(job.get("bytes").asLong()).isPositive();

    Response zip = manager.get("/api/exports/" + job.get("id").asText() + "/download");
    assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
    assertThat(zip.header("Content-Disposition")).contains("parvandeh-" + faculty + "-bags.zip");
    BagChecks.unzip(new ByteArrayInputStream(zip.body()), unzipped);
    try (Stream<Path> bags = Files.list(unzipped)) {
      assertThat(bags.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              admitted.stream().map(s -> "parvandeh-" + s.studentNumber() + "-bag").toList());
    }
    JsonNode verified =
        SignatureTools.verify(manager, "bags.zip", "application/zip", zip.body()).json();
    assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
    assertThat(verified.get("signedByThisOffice").asBoolean()).isTrue();
    assertThat(verified.get("items")).hasSize(3);
    Path officePem = SignatureTools.officePem(manager, Files.createTempDirectory("office-pem-"));
    for (int i = 0; i < admitted.size(); i++) {
      StudentRef student = admitted.get(i);
      Path root = unzipped.resolve("parvandeh-" + student.studentNumber() + "-bag");
      assertThat(BagChecks.assertValid(root).getMetadata().get("External-Identifier"))
          .containsExactly(student.studentNumber());
      SignatureTools.Run openssl = SignatureTools.openssl(root, officePem);
      assertThat(openssl.exitCode())
          .as("each bag's tag manifest signed: " + openssl.output())
          .isZero();
      try (Stream<Path> files = Files.walk(root.resolve("data/documents"))) {
        byte[] expected = uploaded.get(i);
        assertThat(files.filter(Files::isRegularFile).anyMatch(f -> sameBytes(f, expected)))
            .isTrue();
      }
      assertThat(audit.ofStudent(student.id()))
          .anySatisfy(
              e -> {
                assertThat(e.action()).isEqualTo(AuditAction.FILE_EXPORTED);
                assertThat(e.actor()).isEqualTo("manager");
              });
    }
  }

  @Test
  void onlyTheAuditTrailsReadersExportAndOnlyTheStarterSeesTheJob() throws Exception {
    for (String user : List.of("clerk.eng", "graduates.office")) {
      Response refused =
          ApiClient.signedIn(port, user, "parvandeh").postJson("/api/exports", Map.of());
      assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
      assertThat(refused.text()).contains("audit trail");
    }
    StudentRef student = admitted.get(0);
    Response byStudent =
        ApiClient.signedIn(port, student.studentNumber(), student.nationalId())
            .postJson("/api/exports", Map.of());
    assertThat(byStudent.status()).isEqualTo(403);

    ApiClient central = ApiClient.signedIn(port, "central.records", "parvandeh");
    Response unknown = central.postJson("/api/exports", Map.of("faculty", "no-such-faculty"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    Response started = central.postJson("/api/exports", Map.of("faculty", faculty));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().get("id").asText();
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");
    assertThat(manager.get("/api/exports/" + id).status()).isEqualTo(403);
    assertThat(manager.get("/api/exports/" + id + "/download").status()).isEqualTo(403);
    assertThat(awaitEnd(central, "/api/exports/" + id).get("status").asText())
        .isEqualTo("SUCCEEDED");
  }

  static JsonNode awaitEnd(ApiClient api, String statusPath) throws InterruptedException {
    for (int i = 0; i < 2400; i++) {
      Response answer = api.get(statusPath);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      if (!"RUNNING".equals(answer.json().get("status").asText())) {
        return answer.json();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the job at " + statusPath + " did not end within 10 minutes");
  }

  private static boolean sameBytes(Path file, byte[] expected) {
    try {
      return java.util.Arrays.equals(Files.readAllBytes(file), expected);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
