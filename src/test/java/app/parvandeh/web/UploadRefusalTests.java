package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad uploads and unauthorised calls are refused with a clear 4xx, and nothing is stored. */
@ParvandehIntegrationTest
class UploadRefusalTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired DocumentProperties properties;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  UploadingStudent uploader;
  StudentRef student;

  @BeforeEach
  void admittedStudentWithOpenUploadTask() {
    uploader = UploadingStudent.admit(port, students, runtime, management, documents, properties);
    student = uploader.student();
  }

  @Test
  void aTextFileNamedPdfIsRefusedAsUnsupported() {
    Response answer =
        refusedUpload(
            new FilePart(
                "BIRTH_CERTIFICATE",
                "شناسنامه.pdf",
                "application/pdf",
                "this is not a PDF at all".getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().get("code").asText()).isEqualTo("unsupported-type");
    assertThat(answer.json().get("messageFa").asText()).contains("PDF");
    assertThat(answer.json().get("messageEn").asText()).contains("not a PDF");
  }

  @Test
  void aPngNamedPdfIsRefusedAsMismatched() {
    Response answer =
        refusedUpload(
            new FilePart("BIRTH_CERTIFICATE", "scan.pdf", "application/pdf", DemoFiles.png()));
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().get("code").asText()).isEqualTo("type-mismatch");
  }

  @Test
  void anEmptyFileIsRefused() {
    Response answer = refusedUpload(new FilePart("PHOTO", "photo.jpg", "image/jpeg", new byte[0]));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asText()).isEqualTo("empty-file");
  }

  @Test
  void aFileOverTheConfiguredLimitIsRefused() {
    byte[] pdf = DemoFiles.pdf("big");
    byte[] big = new byte[(int) properties.maxFileSize().toBytes() + 1];
    System.arraycopy(pdf, 0, big, 0, pdf.length);
    Response answer =
        refusedUpload(new FilePart("BIRTH_CERTIFICATE", "big.pdf", "application/pdf", big));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("messageFa").asText()).isNotBlank();
  }

  @Test
  void oneBadFileRefusesTheWholeRequest() {
    Response answer =
        refusedUpload(
            new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg()),
            new FilePart(
                "BIRTH_CERTIFICATE",
                "fake.pdf",
                "application/pdf",
                "<html>".getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.status()).isEqualTo(415);
  }

  @Test
  void aDocumentTypeTheStudentDoesNotSupplyIsRefused() {
    Response answer =
        refusedUpload(new FilePart("EXAM_CARD", "exam.pdf", "application/pdf", DemoFiles.pdf("x")));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asText()).isEqualTo("not-student-supplied");
  }

  @Test
  void aStudentCannotUploadIntoAnotherStudentsFile() {
    NewStudent otherData = TestStudents.newStudent("engineering", 1402, false);
    StudentRef other = students.admit(otherData, "admission-office");
    long before = storedBlobs();
    Response answer =
        ApiClient.signedIn(port, other.studentNumber(), otherData.nationalId())
            .upload(
                uploader.uploadPath(),
                List.of(new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg())));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("messageFa").asText()).isNotBlank();
    assertThat(documents.documentsOf(student.id())).isEmpty();
    assertThat(storedBlobs()).isEqualTo(before);
    assertThat(
            ApiClient.signedIn(port, other.studentNumber(), otherData.nationalId())
                .get("/api/tasks/none/review")
                .status())
        .isEqualTo(404);
  }

  @Test
  void aClerkDoesNotUploadAdmissionDocumentsForTheStudent() {
    Response answer =
        ApiClient.signedIn(port, "clerk.eng", "parvandeh")
            .upload(
                uploader.uploadPath(),
                List.of(new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg())));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(documents.documentsOf(student.id())).isEmpty();
  }

  @Test
  void anonymousCallsToOurApiAndToTheEngineRestApiAreRefused() {
    ApiClient anonymous = ApiClient.anonymous(port);
    Response api = anonymous.get("/api/portal/file");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.json().get("messageFa").asText()).isNotBlank();
    assertThat(anonymous.get("/api/documents/versions/1/content").status()).isEqualTo(401);
    assertThat(anonymous.engineRest("GET", "/task?maxResults=5", null).status()).isEqualTo(401);
    assertThat(anonymous.engineRest("GET", "/process-definition?maxResults=5", null).status())
        .isEqualTo(401);
    for (String engines : List.of("/engine", "/engine/", "/engine?x=1")) {
      assertThat(anonymous.engineRest("GET", engines, null).status())
          .as("the engines' list at %s", engines)
          .isEqualTo(401);
    }
    assertThat(anonymous.get("/camunda/api/engine/engine").status()).isIn(401, 302);
    Response upload =
        anonymous.upload(
            uploader.uploadPath(),
            List.of(new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg())));
    assertThat(upload.status()).isIn(401, 403);
    assertThat(documents.documentsOf(student.id())).isEmpty();
  }

  @Test
  void aWrongPasswordDoesNotSignIn() {
    Response login = ApiClient.anonymous(port).login(student.studentNumber(), "wrong-password");
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).endsWith("/login?error");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    ApiClient withoutToken =
        ApiClient.signedIn(port, student.studentNumber(), student.nationalId());
    Response answer = withoutToken.postWithoutCsrf("/api/portal/submit");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("code").asText()).isEqualTo("csrf");
  }

  private Response refusedUpload(FilePart... files) {
    return uploader.refusedUpload(files);
  }

  private long storedBlobs() {
    return uploader.storedBlobs();
  }
}
