package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Clerks find students however the number or name is typed, within the faculties they may see. */
@ParvandehIntegrationTest
class StudentSearchTests {

  @LocalServerPort int port;
  @Autowired StudentService students;

  @Test
  void persianDigitsArabicLettersAndJoinersDoNotHideAMatch() {
    NewStudent data =
        new NewStudent(
            TestStudents.newStudent("engineering", 1403, false).studentNumber(),
            TestStudents.nationalId(),
            "محمدعلی",
            "مهدوی‌كيا",
            "engineering",
            app.parvandeh.student.Degree.MASTER,
            1403,
            app.parvandeh.student.AdmissionType.REMOTE,
            false);
    String number = students.admit(data, "admission-office").studentNumber();
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");

    assertThat(found(clerk, PersianText.toPersianDigits(number))).containsExactly(number);
    assertThat(found(clerk, arabicDigits(number))).containsExactly(number);
    assertThat(found(clerk, PersianText.toPersianDigits(data.nationalId())))
        .containsExactly(number);
    assertThat(found(clerk, "مهدوی کیا " + number.substring(0, 4))).contains(number);
    assertThat(found(clerk, "مهدویکیا")).contains(number);
    assertThat(found(clerk, "محمد علی مهدوي")).contains(number);
  }

  @Test
  void aFacultyClerkFindsOnlyTheirFacultysStudents() {
    String number =
        students
            .admit(TestStudents.newStudent("engineering", 1402, false), "admission-office")
            .studentNumber();
    assertThat(found(ApiClient.signedIn(port, "clerk.sci", "parvandeh"), number)).isEmpty();
    assertThat(found(ApiClient.signedIn(port, "central.admission", "parvandeh"), number))
        .containsExactly(number);
  }

  @Test
  void studentsCannotSearch() {
    assertThat(
            ApiClient.signedIn(port, "4021100001", "0012345679").get("/api/students?q=40").status())
        .isEqualTo(403);
  }

  private static String arabicDigits(String ascii) {
    StringBuilder out = new StringBuilder();
    ascii.chars().forEach(c -> out.append((char) ('٠' + (c - '0'))));
    return out.toString();
  }

  private static List<String> found(ApiClient api, String query) {
    ApiClient.Response answer =
        api.get("/api/students?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    for (JsonNode student : answer.json()) {
      numbers.add(student.get("studentNumber").asText());
    }
    return numbers;
  }
}
