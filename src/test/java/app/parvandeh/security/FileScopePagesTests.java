package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.security.ScopedFilesFixture.Files;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every door that lists files applies the user's scope inside its query: the graduates office gets
 * a full page of cleared files even when a thousand uncleared files of the same faculty come first,
 * a faculty clerk their faculty's files only, a student their own file only.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileScopePagesTests {

  /** The page size of student and document search. */
  static final int PAGE = 50;

  /**
   * More uncleared files than the old filtered search looked through (twenty pages) before giving
   * up.
   */
  static final int UNCLEARED_FIRST = 1000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired StudentService students;

  private ScopedFilesFixture files;
  private Files engUncleared;
  private Files engCleared;
  private Files sciUncleared;
  private Files sciCleared;
  private StudentRef own;
  private long ownDocument;

  @BeforeAll
  void manyFiles() {
    files = new ScopedFilesFixture(jdbc);
    // by student number (student search): the uncleared engineering files first
    engUncleared = files.files("engineering", UNCLEARED_FIRST, false);
    engCleared = files.files("engineering", PAGE + 5, true);
    sciUncleared = files.files("science", 3, false);
    sciCleared = files.files("science", 3, true);
    // newest first (document search): the uncleared files' documents come first
    files.documents(Stream.of(engCleared, sciCleared).flatMap(f -> f.ids().stream()).toList());
    files.documents(Stream.of(engUncleared, sciUncleared).flatMap(f -> f.ids().stream()).toList());
    own = students.admit(TestStudents.newStudent("engineering", 1401, false), "admission-office");
    ownDocument = files.documents(List.of(own.id())).get(0);
  }

  @AfterAll
  void removeThem() {
    files.remove();
  }

  @Test
  void theGraduatesOfficeFindsAFullPageOfClearedStudentsBehindUnclearedOnes() {
    List<String> found = studentsFound(signedIn("graduates.office"));

    assertThat(found).containsExactlyElementsOf(engCleared.numbers().subList(0, PAGE));
  }

  @Test
  void aFacultyClerkFindsTheirFacultysStudentsOnlyAndAFullPageOfThem() {
    assertThat(studentsFound(signedIn("clerk.sci")))
        .containsExactlyElementsOf(concat(sciUncleared.numbers(), sciCleared.numbers()));
    assertThat(studentsFound(signedIn("clerk.eng")))
        .containsExactlyElementsOf(engUncleared.numbers().subList(0, PAGE));
  }

  @Test
  void theGraduatesOfficeFindsAFullPageOfClearedFilesDocumentsBehindUnclearedOnes() {
    List<String> owners = documentOwners(signedIn("graduates.office"));

    assertThat(owners).hasSize(PAGE);
    assertThat(concat(engCleared.numbers(), sciCleared.numbers())).containsAll(owners);
  }

  @Test
  void aFacultyClerkFindsTheirFacultysDocumentsOnlyAndAStudentTheirOwnOnly() {
    assertThat(documentOwners(signedIn("clerk.sci")))
        .containsExactlyInAnyOrderElementsOf(concat(sciUncleared.numbers(), sciCleared.numbers()));
    Response mine =
        ApiClient.signedIn(port, own.studentNumber(), own.nationalId())
            .get("/api/documents/search?q=" + encode(files.word));
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
    assertThat(mine.json()).hasSize(1);
    assertThat(mine.json().get(0).at("/document/id").asLong()).isEqualTo(ownDocument);
  }

  @Test
  void report112ShowsTheGraduatesOfficeClearedFilesOnlyAndAFacultyClerkTheirFaculty() {
    assertThat(reportedStudents(signedIn("graduates.office"), "science"))
        .containsExactlyElementsOf(sciCleared.numbers());
    assertThat(reportedStudents(signedIn("clerk.sci"), "science"))
        .containsExactlyElementsOf(concat(sciUncleared.numbers(), sciCleared.numbers()));
    assertThat(signedIn("clerk.sci").get("/api/reports/notes?faculty=engineering").status())
        .isEqualTo(403);
    assertThat(
            signedIn("graduates.office")
                .get("/api/reports/notes?studentNumber=" + sciUncleared.numbers().get(0))
                .status())
        .isEqualTo(403);
  }

  private ApiClient signedIn(String user) {
    return ApiClient.signedIn(port, user, "parvandeh");
  }

  private List<String> studentsFound(ApiClient client) {
    return studentNumbers(client, "/api/students?q=");
  }

  /** The student number of each document found, in order. */
  private List<String> documentOwners(ApiClient client) {
    return studentNumbers(client, "/api/documents/search?q=");
  }

  private List<String> studentNumbers(ApiClient client, String search) {
    Response answer = client.get(search + encode(files.word));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    answer.json().forEach(row -> numbers.add(row.get("studentNumber").asText()));
    return numbers;
  }

  /** The fixture's students in report 112 of the faculty, in the report's order. */
  private List<String> reportedStudents(ApiClient client, String faculty) {
    Response answer = client.get("/api/reports/notes?faculty=" + faculty);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<String> numbers = new ArrayList<>();
    for (JsonNode s : answer.json().get("students")) {
      String number = s.at("/student/studentNumber").asText();
      if (Stream.of(sciUncleared, sciCleared, engUncleared, engCleared)
          .anyMatch(f -> f.numbers().contains(number))) {
        numbers.add(number);
      }
    }
    return numbers;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }
}
