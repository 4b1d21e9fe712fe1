package app.parvandeh.security;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * A freshly admitted student, optionally with documents uploaded and sent for the faculty check.
 */
public record FileFixture(
    StudentRef student,
    String password,
    String processInstanceId,
    String checkTaskId,
    String contentUrl,
    long documentId) {

  public static final List<FilePart> ADMISSION_1402 =
      List.of(
          new FilePart("PHOTO", "عکس.jpg", "image/jpeg", DemoFiles.jpeg()),
          new FilePart("NATIONAL_ID_CARD", "کارت ملی.png", "image/png", DemoFiles.png()),
          new FilePart(
              "BIRTH_CERTIFICATE", "شناسنامه.pdf", "application/pdf", DemoFiles.pdf("birth")),
          new FilePart(
              "PREVIOUS_DEGREE_CERTIFICATE",
              "دیپلم.pdf",
              "application/pdf",
              DemoFiles.pdf("diploma")));

  /**
   * Admits a bachelor student of 1402, uploads {@code files} as them, and submits when {@code
   * submit}.
   */
  public static FileFixture admit(
      int port,
      NewStudent data,
      List<FilePart> files,
      boolean submit,
      StudentService students,
      RuntimeService runtime,
      ManagementService management,
      TaskService tasks) {
    StudentRef student = students.admit(data, "admission-office");
    String instance = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    DueJobs.run(management, instance);
    ApiClient api = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    String contentUrl = null;
    long documentId = -1;
    if (!files.isEmpty()) {
      Response uploaded =
          api.upload("/api/students/" + student.studentNumber() + "/documents", files);
      if (uploaded.status() != 201) {
        throw new AssertionError("upload failed: " + uploaded);
      }
      JsonNode first = uploaded.json().at("/documents/0/current/contentUrl");
      contentUrl = first.asText();
      documentId = uploaded.json().at("/documents/0/id").asLong();
    }
    if (submit && api.post("/api/portal/submit").status() != 200) {
      throw new AssertionError("submit failed");
    }
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    return new FileFixture(student, data.nationalId(), instance, task, contentUrl, documentId);
  }

  public static NewStudent bachelor(String faculty) {
    return TestStudents.newStudent(faculty, 1402, false);
  }

  public String number() {
    return student.studentNumber();
  }
}
