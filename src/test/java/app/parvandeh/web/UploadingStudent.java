package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.TestStudents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * A freshly admitted student whose upload task is open, signed in, and the checks that a refusal
 * stored nothing.
 */
record UploadingStudent(
    StudentRef student,
    NewStudent data,
    ApiClient api,
    String uploadPath,
    DocumentService documents,
    DocumentProperties properties) {

  static UploadingStudent admit(
      int port,
      StudentService students,
      RuntimeService runtime,
      ManagementService management,
      DocumentService documents,
      DocumentProperties properties) {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    StudentRef student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    return new UploadingStudent(
        student,
        data,
        ApiClient.signedIn(port, student.studentNumber(), data.nationalId()),
        "/api/students/" + student.studentNumber() + "/documents",
        documents,
        properties);
  }

  /**
   * Uploads, expects a refusal, and checks that neither a row nor a blob (nor a temp file) was left
   * behind.
   */
  Response refusedUpload(FilePart... files) {
    long before = storedBlobs();
    Response answer = api.upload(uploadPath, List.of(files));
    assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
    assertThat(documents.documentsOf(student.id())).isEmpty();
    assertThat(storedBlobs()).isEqualTo(before);
    return answer;
  }

  /** Every file under the store, temporary ones included. */
  long storedBlobs() {
    Path root = properties.storeDir();
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
