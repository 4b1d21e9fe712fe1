package app.parvandeh.signing;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Report 112 PDFs are PAdES-signed; an exported bag carries {@code
 * signatures/tagmanifest-sha256.txt.p7s}, a detached CMS signature that openssl verifies with the
 * office's published certificate. One changed byte, in the tag manifest or in a payload file, is
 * caught by the tools and by our verification API.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedExportTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  /**
   * Made in {@link #anExportedFile}: a class-wide {@code @TempDir} is not there yet in a
   * {@code @BeforeAll}.
   */
  Path work;

  StudentRef student;
  ApiClient central;
  byte[] bagZip;
  Path bag;
  Path officePem;

  @BeforeAll
  void anExportedFile() throws IOException {
    work = Files.createTempDirectory("signed-exports-");
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    Response upload =
        ApiClient.signedIn(port, student.studentNumber(), data.nationalId())
            .upload(
                "/api/students/" + student.studentNumber() + "/documents",
                List.of(
                    new FilePart(
                        "BIRTH_CERTIFICATE",
                        "شناسنامه.pdf",
                        "application/pdf",
                        DemoFiles.pdf("signed bag"))));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    central = ApiClient.signedIn(port, "central.records", "parvandeh");
    Response export =
        central.get("/api/students/" + student.studentNumber() + "/export", "application/zip");
    assertThat(export.status()).as(export.toString()).isEqualTo(200);
    bagZip = export.body();
    Path unzipped = Files.createDirectories(work.resolve("bag"));
    unzip(bagZip, unzipped);
    bag = unzipped.resolve("parvandeh-" + student.studentNumber() + "-bag");
    officePem = SignatureTools.officePem(central, work);
  }

  @Test
  void aReport112PdfIsSignedAndVerifiesInPdfsigBouncyCastleAndTheApi() throws Exception {
    Response pdf =
        central.get(
            "/api/reports/notes?studentNumber=" + student.studentNumber() + "&format=pdf",
            "application/pdf");
    assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
    assertThat(SignatureTools.pdfsig(pdf.body(), work))
        .contains(
            "Signature Type: ETSI.CAdES.detached", "Total document signed", "Signature is Valid");
    SignatureTools.assertPadesSignatureVerifies(pdf.body());
    JsonNode v = SignatureTools.verify(central, "report.pdf", "application/pdf", pdf.body()).json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("signedByThisOffice").asBoolean()).isTrue();
  }

  @Test
  void theBagsTagManifestSignatureVerifiesWithOpensslAndBouncyCastle() throws Exception {
    assertThat(bag.resolve("signatures/tagmanifest-sha256.txt.p7s")).exists();
    SignatureTools.Run openssl = SignatureTools.openssl(bag, officePem);
    assertThat(openssl.exitCode()).as(openssl.output()).isZero();
    assertThat(openssl.output()).contains("Verification successful");
    SignatureTools.assertCmsVerifies(
        Files.readAllBytes(bag.resolve("signatures/tagmanifest-sha256.txt.p7s")),
        Files.readAllBytes(bag.resolve("tagmanifest-sha256.txt")));
  }

  @Test
  void theVerificationApiFindsTheBagSignedByThisOfficeAndUnchanged() {
    JsonNode v = SignatureTools.verify(central, "bag.zip", "application/zip", bagZip).json();
    assertThat(v.get("kind").asText()).isEqualTo("BAG");
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("signedByThisOffice").asBoolean()).isTrue();
    assertThat(v.at("/items/0/name").asText())
        .isEqualTo("parvandeh-" + student.studentNumber() + "-bag");
    assertThat(v.at("/items/0/signedAtJalali").asText()).isNotBlank();
  }

  @Test
  void oneChangedByteInTheTagManifestFailsOpensslAndTheApi() throws Exception {
    Path copy = copyOfBag("tag");
    Path manifest = copy.resolve("tagmanifest-sha256.txt");
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[0] = (byte) (bytes[0] == '0' ? '1' : '0');
    Files.write(manifest, bytes);
    SignatureTools.Run openssl = SignatureTools.openssl(copy, officePem);
    assertThat(openssl.exitCode()).as(openssl.output()).isNotZero();
    JsonNode v = SignatureTools.verify(central, "bag.zip", "application/zip", zip(copy)).json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isFalse();
    assertThat(v.at("/items/0/signatureValid").asBoolean()).isFalse();
  }

  @Test
  void oneChangedByteInAPayloadFileFailsSha256sumAndTheApiNamesTheFile() throws Exception {
    Path copy = copyOfBag("payload");
    Path json = copy.resolve("data/file.json");
    byte[] bytes = Files.readAllBytes(json);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(json, bytes);
    SignatureTools.Run sha256sum =
        SignatureTools.run(copy, "sha256sum", "--strict", "--quiet", "-c", "manifest-sha256.txt");
    assertThat(sha256sum.exitCode()).as(sha256sum.output()).isNotZero();
    JsonNode v = SignatureTools.verify(central, "bag.zip", "application/zip", zip(copy)).json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isFalse();
    assertThat(v.at("/items/0/signatureValid").asBoolean())
        .as("the tag manifest itself is intact")
        .isTrue();
    assertThat(v.at("/items/0/unchanged").asBoolean()).isFalse();
    assertThat(v.at("/items/0/changes").toString()).contains("changed: data/file.json");
    assertThat(v.get("messageFa").asText()).contains("تغییر کرده");
  }

  @Test
  void aPayloadFileAddedToTheBagIsReported() throws Exception {
    Path copy = copyOfBag("added");
    Files.writeString(copy.resolve("data/extra.txt"), "added later");
    JsonNode v = SignatureTools.verify(central, "bag.zip", "application/zip", zip(copy)).json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isFalse();
    assertThat(v.at("/items/0/changes").toString()).contains("added: data/extra.txt");
  }

  private Path copyOfBag(String name) throws IOException {
    Path target = Files.createDirectories(work.resolve(name));
    unzip(bagZip, target);
    return target.resolve(bag.getFileName().toString());
  }

  static void unzip(byte[] zip, Path target) throws IOException {
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path file = target.resolve(entry.getName()).normalize();
        assertThat(file).startsWithRaw(target);
        Files.createDirectories(file.getParent());
        Files.copy(in, file);
      }
    }
  }

  /** The bag folder zipped again, under its own name. */
  static byte[] zip(Path root) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(
            new ZipEntry(
                root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
