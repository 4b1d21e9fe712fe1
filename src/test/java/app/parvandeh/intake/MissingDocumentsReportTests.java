package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The missing-documents report lists, per faculty, what each file still waits for, batch cards
 * included.
 */
@ParvandehIntegrationTest
class MissingDocumentsReportTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  private StudentRef admitted(String faculty, boolean brilliantTalent) {
    StudentRef student =
        students.admit(
            TestStudents.newStudent(faculty, 1403, brilliantTalent), "central.admission");
    DueJobs.runForFile(runtime, management, student.studentNumber());
    return student;
  }

  private static List<String> missingOf(JsonNode report, String studentNumber) {
    List<String> types = new ArrayList<>();
    report.forEach(
        line -> {
          if (line.path("studentNumber").asText().equals(studentNumber)) {
            types.add(line.path("typeCode").asText());
          }
        });
    return types;
  }

  @Test
  void aFileWaitingForItsCardsIsListedUntilTheBatchBringsThem() {
    StudentRef student = admitted("engineering", false);
    ApiClient central = ApiClient.signedIn(port, "central.admission", "parvandeh");

    JsonNode before = central.get("/api/reports/missing-documents?faculty=engineering").json();
    CardArchive.uploadAndWait(
        central,
        CardArchive.create()
            .add(student.studentNumber() + "_EXAM_CARD.pdf", CardArchive.pdf())
            .bytes());
    JsonNode after = central.get("/api/reports/missing-documents?faculty=engineering").json();

    assertThat(missingOf(before, student.studentNumber()))
        .containsExactly(
            "PHOTO",
            "NATIONAL_ID_CARD",
            "BIRTH_CERTIFICATE",
            "PREVIOUS_DEGREE_CERTIFICATE",
            "EXAM_CARD",
            "CONFIDENTIAL_REPORT_CARD");
    assertThat(missingOf(after, student.studentNumber()))
        .containsExactly(
            "PHOTO",
            "NATIONAL_ID_CARD",
            "BIRTH_CERTIFICATE",
            "PREVIOUS_DEGREE_CERTIFICATE",
            "CONFIDENTIAL_REPORT_CARD");
    assertThat(after.findValuesAsText("facultyCode")).containsOnly("engineering");
    before.forEach(
        line -> {
          if (line.path("typeCode").asText().equals("EXAM_CARD")) {
            assertThat(line.path("waitsFor").asText()).contains("۱۸۰۹۰");
          }
        });
  }

  @Test
  void aBrilliantTalentFileWaitsForNoCardsAndDocumentsSeenElsewhereNeverCount() {
    StudentRef talent = admitted("engineering", true);

    JsonNode report =
        ApiClient.signedIn(port, "central.admission", "parvandeh")
            .get("/api/reports/missing-documents")
            .json();

    assertThat(missingOf(report, talent.studentNumber()))
        .doesNotContain(
            "EXAM_CARD",
            "CONFIDENTIAL_REPORT_CARD",
            "BRILLIANT_TALENT_QUALIFICATION",
            "PREVIOUS_DEGREE_CONFIRMATION")
        .contains("PHOTO");
  }

  @Test
  void facultyClerksSeeTheirFacultyOnlyAndTheCsvIsForExcel() {
    StudentRef engineering = admitted("engineering", false);
    StudentRef science = admitted("science", false);
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");

    JsonNode own = clerk.get("/api/reports/missing-documents").json();
    String csv = clerk.get("/api/reports/missing-documents.csv").text();

    assertThat(missingOf(own, engineering.studentNumber())).isNotEmpty();
    assertThat(missingOf(own, science.studentNumber())).isEmpty();
    assertThat(own.findValuesAsText("facultyCode")).containsOnly("engineering");
    assertThat(csv)
        .startsWith("\uFEFFکد دانشکده,")
        .contains(engineering.studentNumber())
        .doesNotContain(science.studentNumber());
    assertThat(
            ApiClient.signedIn(port, "graduates.office", "parvandeh")
                .get("/api/reports/missing-documents")
                .status())
        .isEqualTo(403);
  }
}
