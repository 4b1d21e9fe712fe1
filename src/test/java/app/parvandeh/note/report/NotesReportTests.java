package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.note.NoteService;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Report 112 as JSON: contents against the notes made here, filters, authorization and the audit
 * trail.
 */
@ParvandehIntegrationTest
class NotesReportTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired NoteService notes;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  NotesReportFixture f;

  @BeforeEach
  void notes() {
    f = new NotesReportFixture(students, documents, notes, identity, runtime, management);
  }

  @Test
  void oneStudentsNotesComeInOrderWithEveryAddressResolved() {
    ApiClient clerk = ApiClient.signedIn(port, f.clerk, NotesReportFixture.PASSWORD);
    JsonNode report =
        ok(clerk, "studentNumber=" + enc(PersianText.toPersianDigits(f.first.studentNumber())));

    assertThat(report.get("generatedAtJalali").asText()).startsWith("۱۴");
    assertThat(report.at("/filters/studentNumber").asText()).isEqualTo(f.first.studentNumber());
    assertThat(report.get("students")).hasSize(1);
    JsonNode student = report.at("/students/0/student");
    assertThat(student.get("studentNumber").asText()).isEqualTo(f.first.studentNumber());
    assertThat(student.get("fullName").asText()).isEqualTo(f.first.fullName());
    assertThat(student.get("facultyName").asText()).startsWith("دانشکده گزارش");
    assertThat(student.get("degreeLabel").asText()).isEqualTo("کارشناسی");
    assertThat(student.get("entryYear").asInt()).isEqualTo(1402);
    assertThat(student.get("statusLabel").asText()).isEqualTo("فعال");
    assertThat(student.get("stageLabel").asText()).isEqualTo("پذیرش و ثبت‌نام");

    JsonNode noteList = report.at("/students/0/notes");
    assertThat(ids(noteList)).containsExactly(f.registration.id(), f.counter.id(), f.plain.id());
    JsonNode registration = noteList.get(0);
    assertThat(registration.get("kind").asText()).isEqualTo("REGISTRATION_COMPLETE");
    assertThat(registration.get("kindLabel").asText()).isEqualTo("تکمیل مدارک ثبت‌نامی");
    assertThat(registration.get("golestanScreen").asText()).isEqualTo("10730");
    assertThat(registration.get("author").asText()).isEqualTo(f.clerk);
    assertThat(registration.get("body").asText()).isEqualTo(f.registration.body());
    assertThat(registration.get("createdAtJalali").asText())
        .isEqualTo(f.registration.createdAtJalali());
    assertThat(registration.get("addresses")).hasSize(2);
    List<String> files = new ArrayList<>();
    for (JsonNode address : registration.get("addresses")) {
      assertThat(address.get("external").asBoolean()).isFalse();
      assertThat(address.get("resolved").asBoolean()).isTrue();
      long version = address.get("documentVersionId").asLong();
      assertThat(address.get("url").asText())
          .isEqualTo("/api/documents/versions/" + version + "/content");
      assertThat(clerk.get(address.get("url").asText()).status())
          .as("the link opens the document")
          .isEqualTo(200);
      files.add(address.get("documentTypeName").asText() + "|" + address.get("fileName").asText());
    }
    assertThat(files)
        .containsExactlyInAnyOrder("شناسنامه|birth-certificate.pdf", "عکس پرسنلی|photo-2024.jpg");

    JsonNode counter = noteList.get(1).at("/addresses/0");
    assertThat(noteList.get(1).get("golestanScreen").asText()).isEqualTo("10730");
    assertThat(counter.get("external").asBoolean()).isTrue();
    assertThat(counter.get("resolved").asBoolean()).isTrue();
    assertThat(counter.get("address").asText()).isEqualTo(NotesReportFixture.COUNTER_ADDRESS);
    assertThat(counter.get("label").asText()).isEqualTo("گواهی اشتغال به تحصیل");
    assertThat(counter.get("documentVersionId").isNull()).isTrue();
    assertThat(counter.get("url").isNull()).isTrue();
    assertThat(noteList.get(2).get("addresses")).isEmpty();

    // Central groups see every faculty's students.
    JsonNode central =
        ok(
            ApiClient.signedIn(port, f.central, NotesReportFixture.PASSWORD),
            "studentNumber=" + f.first.studentNumber());
    assertThat(ids(central.at("/students/0/notes"))).hasSize(3);
  }

  @Test
  void anAddressWhoseVersionNoLongerResolvesIsFlagged() {
    long foreignVersion = documents.documentsOf(f.first.id()).get(0).current().id();
    Long otherStudentsNote =
        notes
            .record(
                f.second.id(),
                app.parvandeh.note.NoteKind.DOCUMENT_ADDRESS,
                "نشانی مدرک برای تسویه",
                f.clerk,
                List.of(new NoteService.NewAddress("parvandeh:document/x", "کارنامه", null)),
                null)
            .id();
    // As if the version had gone (deleted for correction) or the address been moved to another
    // file.
    jdbc.update(
        "update note_address set document_version_id = ? where note_id = ?",
        foreignVersion,
        otherStudentsNote);

    JsonNode report =
        ok(
            ApiClient.signedIn(port, f.clerk, NotesReportFixture.PASSWORD),
            "studentNumber=" + f.second.studentNumber());
    JsonNode address = report.at("/students/0/notes/1/addresses/0");
    assertThat(address.get("external").asBoolean()).isFalse();
    assertThat(address.get("resolved").asBoolean()).isFalse();
    assertThat(address.get("documentVersionId").asLong()).isEqualTo(foreignVersion);
    assertThat(address.get("url").isNull()).isTrue();
    assertThat(address.get("fileName").isNull()).isTrue();
  }

  @Test
  void aFacultysReportGroupsByStudentNumberAndLeavesOtherFacultiesOut() {
    JsonNode report =
        ok(
            ApiClient.signedIn(port, f.central, NotesReportFixture.PASSWORD),
            "faculty=" + f.faculty);
    assertThat(report.at("/filters/faculty").asText()).isEqualTo(f.faculty);
    List<String> numbers = new ArrayList<>();
    report.get("students").forEach(s -> numbers.add(s.at("/student/studentNumber").asText()));
    List<String> expected =
        new ArrayList<>(List.of(f.first.studentNumber(), f.second.studentNumber()));
    expected.sort(String::compareTo);
    assertThat(numbers).containsExactlyElementsOf(expected);
    JsonNode second = report.get("students").get(numbers.indexOf(f.second.studentNumber()));
    assertThat(ids(second.get("notes"))).containsExactly(f.secondNote.id());

    // A clerk without a faculty filter sees their own faculty's students only.
    String today = day(0);
    JsonNode own =
        ok(
            ApiClient.signedIn(port, f.otherClerk, NotesReportFixture.PASSWORD),
            "from=" + enc(today) + "&to=" + enc(today));
    List<String> seen = new ArrayList<>();
    own.get("students").forEach(s -> seen.add(s.at("/student/studentNumber").asText()));
    assertThat(seen)
        .contains(f.elsewhere.studentNumber())
        .doesNotContain(f.first.studentNumber(), f.second.studentNumber());
  }

  @Test
  void aJalaliDateRangeIsInclusiveAndAcceptsPersianAndAsciiDigits() {
    ApiClient clerk = ApiClient.signedIn(port, f.clerk, NotesReportFixture.PASSWORD);
    String today = day(0);
    String base = "faculty=" + f.faculty;
    assertThat(count(ok(clerk, base + "&from=" + enc(today) + "&to=" + enc(today)))).isEqualTo(4);
    assertThat(
            count(ok(clerk, base + "&from=" + enc(PersianText.normalize(today).replace('/', '-')))))
        .isEqualTo(4);
    assertThat(count(ok(clerk, base + "&to=" + enc(day(-1))))).isZero();
    assertThat(count(ok(clerk, base + "&from=" + enc(day(1))))).isZero();
    JsonNode filtered = ok(clerk, base + "&from=" + enc(day(-1)) + "&to=" + enc(day(1)));
    assertThat(count(filtered)).isEqualTo(4);
    assertThat(filtered.at("/filters/from").asText()).isEqualTo(day(-1));

    assertThat(
            clerk
                .get("/api/reports/notes?" + base + "&from=" + enc("۱۴۰۵/۱۳/۰۱"))
                .json()
                .get("code")
                .asText())
        .isEqualTo("invalid-date");
    assertThat(clerk.get("/api/reports/notes?" + base + "&from=" + enc("1405/12/31")).status())
        .as("Esfand 1405 has 29 days")
        .isEqualTo(400);
    assertThat(
            clerk
                .get("/api/reports/notes?" + base + "&from=" + enc(day(1)) + "&to=" + enc(day(-1)))
                .json()
                .get("code")
                .asText())
        .isEqualTo("invalid-date-range");
    assertThat(clerk.get("/api/reports/notes").json().get("code").asText())
        .isEqualTo("report-filter-required");
  }

  @Test
  void otherFacultiesStudentsAndAnonymousCallersAreRefused() {
    ApiClient other = ApiClient.signedIn(port, f.otherClerk, NotesReportFixture.PASSWORD);
    assertThat(other.get("/api/reports/notes?faculty=" + f.faculty).status()).isEqualTo(403);
    assertThat(other.get("/api/reports/notes?faculty=" + f.faculty + "&format=csv").status())
        .isEqualTo(403);
    assertThat(other.get("/api/reports/notes?studentNumber=" + f.first.studentNumber()).status())
        .isEqualTo(403);
    ApiClient student = ApiClient.signedIn(port, f.first.studentNumber(), f.firstData.nationalId());
    assertThat(student.get("/api/reports/notes?studentNumber=" + f.first.studentNumber()).status())
        .isEqualTo(403);
    assertThat(ApiClient.anonymous(port).get("/api/reports/notes?faculty=" + f.faculty).status())
        .isEqualTo(401);
    assertThat(
            ApiClient.signedIn(port, f.central, NotesReportFixture.PASSWORD)
                .get("/api/reports/notes?faculty=no-such-faculty")
                .status())
        .isEqualTo(404);
    assertThat(
            ApiClient.signedIn(port, f.central, NotesReportFixture.PASSWORD)
                .get("/api/reports/notes?faculty=" + f.faculty + "&format=xls")
                .status())
        .isEqualTo(400);
  }

  @Test
  void everyExportIsAudited() {
    ApiClient clerk = ApiClient.signedIn(port, f.clerk, NotesReportFixture.PASSWORD);
    for (String format : List.of("json", "csv", "pdf")) {
      Response answer =
          clerk.get(
              "/api/reports/notes?studentNumber=" + f.first.studentNumber() + "&format=" + format);
      assertThat(answer.status()).as(format).isEqualTo(200);
    }
    assertThat(clerk.get("/api/reports/notes?faculty=" + f.faculty + "&format=csv").status())
        .isEqualTo(200);
    List<String> details =
        jdbc.queryForList(
            "select details from audit_entry where action = 'REPORT_EXPORTED'"
                + " and actor = ? and student_id = ? order by id",
            String.class,
            f.clerk,
            f.first.id());
    assertThat(details).hasSize(3);
    assertThat(details.get(0)).startsWith("report 112 (json)").contains("3 notes");
    assertThat(details.get(1)).startsWith("report 112 (csv)");
    assertThat(details.get(2)).startsWith("report 112 (pdf)");
    assertThat(
            jdbc.queryForList(
                "select details from audit_entry where action = 'REPORT_EXPORTED'"
                    + " and actor = ? and student_id is null",
                String.class,
                f.clerk))
        .singleElement()
        .asString()
        .contains("faculty=" + f.faculty)
        .contains("2 students, 4 notes");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'REPORT_EXPORTED'"
                    + " and actor = ?",
                Integer.class,
                f.otherClerk))
        .as("a refusal exports nothing")
        .isZero();
  }

  /** The Jalali date (Persian digits) of the registration note's day plus {@code days}. */
  private String day(int days) {
    return JalaliDates.date(f.registration.createdAt().plus(Duration.ofDays(days)));
  }

  private static JsonNode ok(ApiClient api, String query) {
    Response answer = api.get("/api/reports/notes?" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static int count(JsonNode report) {
    int notes = 0;
    for (JsonNode s : report.get("students")) {
      notes += s.get("notes").size();
    }
    return notes;
  }

  private static List<Long> ids(JsonNode notes) {
    List<Long> ids = new ArrayList<>();
    notes.forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
