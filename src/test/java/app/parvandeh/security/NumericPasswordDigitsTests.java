package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A national-ID password typed on a Persian keyboard signs the student in; a word-and-digits
 * password is exact.
 */
@ParvandehIntegrationTest
class NumericPasswordDigitsTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired IdentityService identity;

  @Test
  void aStudentSignsInWithTheNationalIdInPersianOrArabicIndicDigits() {
    NewStudent data = TestStudents.newStudent("humanities", 1403, false);
    StudentRef student = students.admit(data, "admission-office");

    Response persian =
        ApiClient.anonymous(port)
            .login(
                PersianText.toPersianDigits(student.studentNumber()),
                PersianText.toPersianDigits(data.nationalId()));
    Response arabicIndic =
        ApiClient.anonymous(port).login(student.studentNumber(), arabicIndic(data.nationalId()));

    assertThat(persian.status()).isEqualTo(302);
    assertThat(persian.header("Location")).endsWith("/portal/");
    assertThat(arabicIndic.status()).isEqualTo(302);
    assertThat(arabicIndic.header("Location")).endsWith("/portal/");
  }

  @Test
  void aPasswordOfLettersAndDigitsIsNotFoldedAndAWrongNumberStaysWrong() {
    String clerk = "clerk.digits." + System.nanoTime();
    User user = identity.newUser(clerk);
    user.setFirstName("سارا");
    user.setLastName("رضایی");
    user.setPassword("Pass-2024");
    identity.saveUser(user);
    NewStudent data = TestStudents.newStudent("humanities", 1403, false);
    StudentRef student = students.admit(data, "admission-office");
    String wrong = PersianText.toPersianDigits(data.nationalId().substring(1) + "0");
    try {
      Response folded = ApiClient.anonymous(port).login(clerk, "Pass-۲۰۲۴");
      Response wrongNumber = ApiClient.anonymous(port).login(student.studentNumber(), wrong);

      assertThat(folded.header("Location")).contains("error");
      assertThat(wrongNumber.header("Location")).contains("error");
    } finally {
      identity.deleteUser(clerk);
    }
  }

  private static String arabicIndic(String digits) {
    StringBuilder out = new StringBuilder();
    digits.chars().forEach(c -> out.append((char) ('٠' + (c - '0'))));
    return out.toString();
  }
}
