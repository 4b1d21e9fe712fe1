package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The student reads who uploaded and who reviewed by name («زهرا احمدی»), never a login or a bare
 * number.
 */
@ParvandehIntegrationTest
class PortalNamesTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void thePortalNamesTheReviewerAndTheUploader() {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    StudentRef student = students.admit(data, "admission-office");
    DueJobs.runForFile(runtime, management, student.studentNumber());
    ApiClient studentApi = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    long documentId =
        studentApi
            .upload(
                "/api/students/" + student.studentNumber() + "/documents",
                List.of(
                    new FilePart("PHOTO", "عکس.jpg", "image/jpeg", DemoFiles.jpeg()),
                    new FilePart(
                        "NATIONAL_ID_CARD",
                        "کارت ملی.pdf",
                        "application/pdf",
                        DemoFiles.pdf("national id")),
                    new FilePart("BIRTH_CERTIFICATE", "شناسنامه.png", "image/png", DemoFiles.png()),
                    new FilePart(
                        "PREVIOUS_DEGREE_CERTIFICATE",
                        "دیپلم.pdf",
                        "application/pdf",
                        DemoFiles.pdf("diploma"))))
            .json()
            .at("/documents/0/id")
            .asLong();
    assertThat(studentApi.post("/api/portal/submit").status()).isEqualTo(200);
    String check =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(student.studentNumber())
            .singleResult()
            .getId();
    tasks.claim(check, "clerk.eng");
    assertThat(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh")
                .postJson(
                    "/api/tasks/" + check + "/reviews",
                    Map.of(
                        "documentId", documentId, "decision", "REJECTED", "reason", "عکس تار است"))
                .status())
        .isEqualTo(200);

    JsonNode people = studentApi.get("/api/portal/file").json().get("people");

    assertThat(people.get(student.userId()).asText()).isEqualTo(student.fullName());
    assertThat(people.get("clerk.eng").asText()).isEqualTo("زهرا احمدی");
  }
}
