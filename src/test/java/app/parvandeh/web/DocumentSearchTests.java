package app.parvandeh.web;

import static app.parvandeh.web.StudyDocumentRegistrationTests.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Clerks find documents however the words are typed, and only in the files they may see. */
@ParvandehIntegrationTest
class DocumentSearchTests {

  @LocalServerPort int port;
  @Autowired StudentService students;

  private StudentRef student;
  private String marker;
  private long letterId;

  @BeforeEach
  void aStudentWithALetter() {
    // A word of our own keeps this test's documents apart from every other test's.
    marker = "پيوست" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    student =
        students.admit(
            new NewStudent(
                TestStudents.newStudent("engineering", 1402, false).studentNumber(),
                TestStudents.nationalId(),
                "علی‌رضا",
                "كاظمي",
                "engineering",
                Degree.BACHELOR,
                1402,
                AdmissionType.REMOTE,
                false),
            "admission-office");
    Response registered =
        ApiClient.signedIn(port, "clerk.eng", "parvandeh")
            .multipart(
                "/api/students/" + student.studentNumber() + "/study-documents/office-letters",
                Map.of(
                    "typeCode",
                    "STUDY_LEAVE_APPROVAL",
                    "letterNumber",
                    "۴۵۶/د",
                    "letterDate",
                    "1403/02/03",
                    "description",
                    "موافقت‌نامه مرخصی تحصیلی نیمسال اول " + marker),
                "file",
                pdf());
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    letterId = registered.json().at("/document/id").asLong();
  }

  @Test
  void lettersDigitsAndJoinersInAnyFormStillFindTheDocument() {
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    String persianMarker = PersianText.normalize(marker);

    // description words: Arabic ي/ك, with and without the zero-width non-joiner, split or joined
    assertThat(found(clerk, "موافقتنامه " + marker)).containsExactly(letterId);
    assertThat(found(clerk, "موافقت نامه " + persianMarker)).containsExactly(letterId);
    assertThat(found(clerk, "مرخصي تحصيلي " + persianMarker)).containsExactly(letterId);
    // the student's number in Persian digits, national ID in Arabic digits, name with other letter
    // forms
    assertThat(found(clerk, PersianText.toPersianDigits(student.studentNumber()) + " " + marker))
        .containsExactly(letterId);
    assertThat(found(clerk, arabicDigits(student.nationalId()) + " " + marker))
        .containsExactly(letterId);
    assertThat(found(clerk, "علیرضا کاظمی " + marker)).containsExactly(letterId);
    assertThat(found(clerk, "علي رضا " + marker)).containsExactly(letterId);
    // the document type's name, the letter number in Persian digits
    assertThat(found(clerk, "موافقت با مرخصی " + marker)).containsExactly(letterId);
    assertThat(found(clerk, "456 " + marker)).containsExactly(letterId);
    assertThat(found(clerk, "گواهی " + marker)).isEmpty();
  }

  @Test
  void resultsAreLimitedToWhatTheCallerMaySee() {
    assertThat(found(ApiClient.signedIn(port, "central.admission", "parvandeh"), marker))
        .containsExactly(letterId);
    assertThat(found(ApiClient.signedIn(port, "clerk.sci", "parvandeh"), marker)).isEmpty();
    assertThat(found(ApiClient.signedIn(port, "4021100001", "0012345679"), marker)).isEmpty();
    ApiClient own = ApiClient.signedIn(port, student.studentNumber(), student.nationalId());
    assertThat(found(own, marker)).containsExactly(letterId);
  }

  @Test
  void aDocumentDeletedForCorrectionIsNotFound() {
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    JsonNode hit = clerk.get("/api/documents/search?q=" + encode(marker)).json().get(0);
    assertThat(hit.get("studentNumber").asText()).isEqualTo(student.studentNumber());
    assertThat(hit.get("studentName").asText())
        .as("stored with Persian letters, as typed in Arabic ones")
        .isEqualTo("علی‌رضا کاظمی");
    assertThat(
            clerk
                .postJson(
                    "/api/documents/" + letterId + "/deletion",
                    Map.of(
                        "reason", "تکراری", "rowVersion", hit.at("/document/rowVersion").asLong()))
                .status())
        .isEqualTo(200);
    assertThat(found(clerk, marker)).isEmpty();
  }

  private static List<Long> found(ApiClient api, String query) {
    Response answer = api.get("/api/documents/search?q=" + encode(query));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    answer.json().forEach(hit -> ids.add(hit.at("/document/id").asLong()));
    return ids;
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static String arabicDigits(String ascii) {
    StringBuilder out = new StringBuilder();
    ascii.chars().forEach(c -> out.append((char) ('٠' + (c - '0'))));
    return out.toString();
  }
}
