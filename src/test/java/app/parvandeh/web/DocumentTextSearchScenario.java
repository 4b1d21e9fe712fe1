package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentTextIndex;
import app.parvandeh.document.PersianPages;
import app.parvandeh.document.PersianPages.Producer;
import app.parvandeh.document.PersianPages.Scan;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.StaffUsers;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Words inside documents are found through the document search: a born-digital letter by its text
 * layer, a scan by OCR, typed with either letter form and any digit script, on the right page, best
 * match first, within the caller's scope; a new version's text replaces the old; a deletion for
 * correction hides it from all but the audit readers. One scenario, run on H2 ({@link
 * DocumentTextSearchTests}) and PostgreSQL ({@link DocumentTextSearchOnPostgresTests}); it makes
 * its own faculties and staff, since the PostgreSQL context has no demo data.
 */
abstract class DocumentTextSearchScenario {

  static final String PASSWORD = StaffUsers.PASSWORD;

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentTextIndex index;
  @Autowired IdentityService identity;

  private StudentRef student;

  /** Another student of the same faculty: a file the first student may not search. */
  private StudentRef classmate;

  private ApiClient clerk;
  private String otherClerk;
  private String centralRecords;
  private String manager;

  /** Digits of our own (in ASCII) keep this test's documents apart from every other test's. */
  private String marker;

  @BeforeEach
  void aStudent() {
    marker = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(900000));
    String faculty = "txt" + marker;
    students.registerFaculty(faculty, "دانشکده آزمون " + marker, "Test faculty " + marker);
    students.registerFaculty("oxt" + marker, "دانشکده دیگر " + marker, "Other faculty " + marker);
    student =
        students.admit(
            new NewStudent(
                TestStudents.newStudent(faculty, 1402, false).studentNumber(),
                TestStudents.nationalId(),
                "مریم",
                "کاظمی",
                faculty,
                Degree.BACHELOR,
                1402,
                AdmissionType.REMOTE,
                false),
            "admission-office");
    classmate = students.admit(TestStudents.newStudent(faculty, 1402, false), "admission-office");
    clerk = ApiClient.signedIn(port, user("clerk" + marker, FacultyRef.groupOf(faculty)), PASSWORD);
    otherClerk = user("other" + marker, FacultyRef.groupOf("oxt" + marker));
    centralRecords = user("records" + marker, Groups.CENTRAL_RECORDS);
    manager = user("manager" + marker, Groups.MANAGERS);
  }

  private String user(String id, String group) {
    return StaffUsers.create(identity, id, group);
  }

  @Test
  void aWordOnTheSecondPageOfALetterIsFoundInEitherLetterFormAndDigitScriptWithItsPassage() {
    JsonNode letter =
        register(
            "نامه",
            "letter.pdf",
            "application/pdf",
            PersianPages.textPdf(
                List.of(
                    List.of("نامه اداره آموزش دانشگاه"),
                    List.of(
                        "گواهی می‌شود خانم مریم کاظمی دانشجوی کارشناسی",
                        "شماره پرونده " + persian(marker) + " ثبت شد")),
                Producer.LOGICAL_GLYPHS));
    assertThat(searchHits("كارشناسي " + arabic(marker))).as("not indexed yet").isEmpty();
    assertThat(index.runFor(List.of(letter.at("/current/id").asLong()))).isEqualTo(1);

    JsonNode hit = only(searchHits("كارشناسي " + arabic(marker)));
    assertThat(hit.at("/document/id").asLong()).isEqualTo(letter.get("id").asLong());
    assertThat(hit.at("/text/page").asInt()).isEqualTo(2);
    String passage = hit.at("/text/text").asText();
    assertThat(passage).contains("دانشجوی کارشناسی", "شماره پرونده " + persian(marker));
    assertThat(highlighted(hit)).containsExactlyInAnyOrder("کارشناسی", persian(marker));
    // ASCII digits, the Persian form, with a joiner or without: the same document
    assertThat(ids(searchHits("ميشود " + marker))).containsExactly(letter.get("id").asLong());
    assertThat(ids(searchHits("می‌شود " + persian(marker))))
        .containsExactly(letter.get("id").asLong());
    assertThat(searchHits("دکتری " + marker)).isEmpty();
  }

  @Test
  void aScannedImageIsFoundByTheWordsTesseractReadsOnIt() {
    // digits Tesseract's Persian model reads reliably in Noto Naskh (it takes ۴, ۶ and ۷ for ۲);
    // the student's
    // number (information, not text) keeps the hit to this test's document
    JsonNode scan =
        register(
            "اسکن",
            "scan.jpg",
            "image/jpeg",
            PersianPages.jpeg(
                PersianPages.image(
                    List.of(
                        "اداره کل آموزش دانشگاه",
                        "گواهی اشتغال به تحصیل دانشجوی رشته فیزیک",
                        "شماره ۱۳۸۵۹"),
                    200,
                    new Scan(0.001, 0.5, 11))));
    index.runFor(List.of(scan.at("/current/id").asLong()));

    JsonNode hit = only(searchHits("فيزيك 13859 " + student.studentNumber()));
    assertThat(hit.at("/document/id").asLong()).isEqualTo(scan.get("id").asLong());
    assertThat(hit.at("/text/page").asInt()).isEqualTo(1);
    assertThat(highlighted(hit)).contains("فیزیک");
  }

  @Test
  void documentsMatchingInTheirInformationComeBeforeThoseMatchingOnlyInTheirText() {
    JsonNode inText =
        register(
            "نامه",
            "a.pdf",
            "application/pdf",
            PersianPages.textPdf(
                List.of(List.of("در پاسخ به نامه شماره " + persian(marker) + " اعلام می‌شود")),
                Producer.VISUAL_SHAPED));
    JsonNode inDescription =
        register(
            "پاسخ نامه " + marker,
            "b.pdf",
            "application/pdf",
            PersianPages.textPdf(
                List.of(List.of("متن دیگری بدون آن شماره")), Producer.VISUAL_SHAPED));
    index.runFor(
        List.of(inText.at("/current/id").asLong(), inDescription.at("/current/id").asLong()));

    List<JsonNode> hits = searchHits(marker);
    assertThat(ids(hits))
        .containsExactly(inDescription.get("id").asLong(), inText.get("id").asLong());
    assertThat(hits.get(0).path("text").isNull() || hits.get(0).path("text").isMissingNode())
        .isTrue();
    assertThat(hits.get(1).at("/text/page").asInt()).isEqualTo(1);
  }

  @Test
  void aNewVersionsTextReplacesTheOldOneAndADeletedDocumentIsFoundOnlyByTheAuditReaders() {
    JsonNode letter =
        register(
            "نامه",
            "old.pdf",
            "application/pdf",
            PersianPages.textPdf(
                List.of(List.of("نسخه نخست نامه با کد " + persian(marker))),
                Producer.LOGICAL_GLYPHS));
    long id = letter.get("id").asLong();
    index.runFor(List.of(letter.at("/current/id").asLong()));
    assertThat(ids(searchHits("نخست " + marker))).containsExactly(id);

    Response replaced =
        newVersion(letter, "نسخه اصلاح‌شده با کد " + persian(marker), Producer.LOGICAL_GLYPHS);
    assertThat(searchHits("نخست " + marker)).as("the old version is no longer current").isEmpty();
    index.runFor(List.of(replaced.json().at("/current/id").asLong()));
    assertThat(searchHits("نخست " + marker)).isEmpty();
    assertThat(ids(searchHits("اصلاحشده " + marker))).containsExactly(id);

    Response deleted =
        clerk.postJson(
            "/api/documents/" + id + "/deletion",
            Map.of("reason", "تکراری", "rowVersion", replaced.json().get("rowVersion").asLong()));
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(searchHits("اصلاحشده " + marker)).isEmpty();
    assertThat(
            searchHits(
                ApiClient.signedIn(port, student.studentNumber(), student.nationalId()),
                "اصلاحشده " + marker))
        .isEmpty();
    JsonNode seen =
        only(searchHits(ApiClient.signedIn(port, centralRecords, PASSWORD), "اصلاحشده " + marker));
    assertThat(seen.at("/document/deleted").asBoolean()).isTrue();
    assertThat(seen.at("/text/page").asInt()).isEqualTo(1);
  }

  @Test
  void wordsInsideAFileAreFoundOnlyByThoseWhoMaySeeIt() {
    JsonNode letter =
        register(
            "نامه",
            "c.pdf",
            "application/pdf",
            PersianPages.textPdf(
                List.of(List.of("معرفی‌نامه کارآموزی شماره " + persian(marker))),
                Producer.VISUAL_SHAPED));
    index.runFor(List.of(letter.at("/current/id").asLong()));
    long id = letter.get("id").asLong();
    assertThat(
            ids(
                searchHits(
                    ApiClient.signedIn(port, student.studentNumber(), student.nationalId()),
                    "کارآموزی " + marker)))
        .containsExactly(id);
    assertThat(searchHits(ApiClient.signedIn(port, otherClerk, PASSWORD), "کارآموزی " + marker))
        .isEmpty();
    assertThat(
            searchHits(
                ApiClient.signedIn(port, classmate.studentNumber(), classmate.nationalId()),
                "کارآموزی " + marker))
        .isEmpty();
  }

  @Test
  void theIndexProgressIsShownToManagersAndRefusedToClerks() {
    JsonNode letter =
        register(
            "نامه",
            "d.pdf",
            "application/pdf",
            PersianPages.textPdf(
                List.of(List.of("گزارش پیشرفت نمایه " + persian(marker))), Producer.VISUAL_SHAPED));
    Response before = ApiClient.signedIn(port, manager, PASSWORD).get("/api/documents/text-index");
    assertThat(before.status()).as(before.toString()).isEqualTo(200);
    index.runFor(List.of(letter.at("/current/id").asLong()));
    Response after = ApiClient.signedIn(port, manager, PASSWORD).get("/api/documents/text-index");
    assertThat(after.json().at("/progress/indexed").asLong())
        .isGreaterThan(before.json().at("/progress/indexed").asLong());
    assertThat(after.json().at("/progress/versions").asLong())
        .isGreaterThanOrEqualTo(
            after.json().at("/progress/indexed").asLong()
                + after.json().at("/progress/pending").asLong());
    assertThat(clerk.get("/api/documents/text-index").status()).isEqualTo(403);
  }

  /**
   * The whole ranking, cut by the scope and the deletion rule: per word 3 for the document's or its
   * student's information, 1 for the current version's text, ties newest first; every word must
   * match; an older version's text, a deleted document and another faculty's file do not count for
   * the faculty's clerk, and the audit reader sees the last two in their places.
   */
  @Test
  void hitsAreRankedByWhereEachWordMatchedThenNewestFirstWithinTheCallersScope() {
    String other = lettersOf(marker);
    JsonNode infoOnly = letter("پاسخ " + marker, "متن دیگری بدون آن شماره");
    JsonNode textOnly =
        letter("نامه", "در پاسخ به نامه شماره " + persian(marker) + " اعلام می‌شود");
    JsonNode infoAndText =
        letter("پاسخ " + marker, "در پاسخ به نامه شماره " + persian(marker) + " اعلام می‌شود");
    JsonNode bothWordsInInfo = letter("پاسخ " + marker + " " + other, "متن دیگری بدون آن شماره");
    JsonNode olderVersionOnly =
        letter("نامه", "در پاسخ به نامه شماره " + persian(marker) + " اعلام می‌شود");
    Response replaced =
        newVersion(olderVersionOnly, "متن دیگری بدون آن شماره", Producer.VISUAL_SHAPED);
    index.runFor(List.of(replaced.json().at("/current/id").asLong()));
    JsonNode deleted = letter("پاسخ " + marker, "متن دیگری بدون آن شماره");
    Response deletion =
        clerk.postJson(
            "/api/documents/" + deleted.get("id").asLong() + "/deletion",
            Map.of("reason", "تکراری", "rowVersion", deleted.get("rowVersion").asLong()));
    assertThat(deletion.status()).as(deletion.toString()).isEqualTo(200);
    JsonNode classmatesTextAndOtherWordInInfo =
        letter(
            clerk,
            classmate.studentNumber(),
            "نامه " + other,
            "در پاسخ به نامه شماره " + persian(marker) + " اعلام می‌شود");
    StudentRef elsewhere =
        students.admit(TestStudents.newStudent("oxt" + marker, 1402, false), "admission-office");
    JsonNode otherFaculty =
        letter(
            ApiClient.signedIn(port, otherClerk, PASSWORD),
            elsewhere.studentNumber(),
            "پاسخ " + marker,
            "متن دیگری بدون آن شماره");

    assertThat(ids(searchHits(marker)))
        .containsExactly(
            id(infoAndText), // 3 + 1
            id(bothWordsInInfo), // 3, newest first
            id(infoOnly), // 3
            id(classmatesTextAndOtherWordInInfo), // 1
            id(textOnly)); // 1
    assertThat(ids(searchHits(other + " " + marker)))
        .containsExactly(
            id(bothWordsInInfo), // 3 + 3
            id(classmatesTextAndOtherWordInInfo)); // 3 + 1
    assertThat(ids(searchHits(ApiClient.signedIn(port, otherClerk, PASSWORD), marker)))
        .containsExactly(id(otherFaculty));
    assertThat(ids(searchHits(ApiClient.signedIn(port, centralRecords, PASSWORD), marker)))
        .containsExactly(
            id(infoAndText),
            id(otherFaculty),
            id(deleted),
            id(bothWordsInInfo),
            id(infoOnly),
            id(classmatesTextAndOtherWordInInfo),
            id(textOnly));
  }

  /** A letter on the student's file with one page of this text, its text indexed. */
  /** The clerk replaces the document by a one-line PDF as {@code producer} writes it. */
  private Response newVersion(JsonNode document, String line, Producer producer) {
    Response replaced =
        clerk.multipart(
            "/api/documents/" + document.get("id").asLong() + "/versions",
            Map.of("rowVersion", document.get("rowVersion").asText()),
            "file",
            new FilePart(
                null,
                "new.pdf",
                "application/pdf",
                PersianPages.textPdf(List.of(List.of(line)), producer)));
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    return replaced;
  }

  private JsonNode letter(String description, String text) {
    return letter(clerk, student.studentNumber(), description, text);
  }

  private JsonNode letter(ApiClient by, String studentNumber, String description, String text) {
    JsonNode letter =
        register(
            by,
            studentNumber,
            description,
            "letter.pdf",
            "application/pdf",
            PersianPages.textPdf(List.of(List.of(text)), Producer.VISUAL_SHAPED));
    index.runFor(List.of(letter.at("/current/id").asLong()));
    return letter;
  }

  private static long id(JsonNode document) {
    return document.get("id").asLong();
  }

  /** A word of letters only, one per digit: neither it nor the digits contain the other. */
  private static String lettersOf(String digits) {
    StringBuilder word = new StringBuilder("ژ");
    digits.chars().forEach(c -> word.append("ابپتثجچحخد".charAt(c - '0')));
    return word.toString();
  }

  private JsonNode register(String description, String fileName, String contentType, byte[] bytes) {
    return register(clerk, student.studentNumber(), description, fileName, contentType, bytes);
  }

  /**
   * A letter of the office on the student's file, as the faculty clerk registers it; its document.
   */
  static JsonNode register(
      ApiClient clerk,
      String studentNumber,
      String description,
      String fileName,
      String contentType,
      byte[] bytes) {
    Response registered =
        clerk.multipart(
            "/api/students/" + studentNumber + "/study-documents/office-letters",
            Map.of(
                "typeCode",
                "STUDY_LEAVE_APPROVAL",
                "letterNumber",
                "۱۲/د",
                "letterDate",
                "1403/02/03",
                "description",
                description),
            "file",
            new FilePart(null, fileName, contentType, bytes));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return registered.json().get("document");
  }

  private List<JsonNode> searchHits(String query) {
    return searchHits(clerk, query);
  }

  private static List<JsonNode> searchHits(ApiClient api, String query) {
    Response answer =
        api.get("/api/documents/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> hits = new ArrayList<>();
    answer.json().forEach(hits::add);
    return hits;
  }

  private static JsonNode only(List<JsonNode> hits) {
    assertThat(hits).hasSize(1);
    return hits.get(0);
  }

  private static List<Long> ids(List<JsonNode> hits) {
    return hits.stream().map(h -> h.at("/document/id").asLong()).toList();
  }

  private static List<String> highlighted(JsonNode hit) {
    String text = hit.at("/text/text").asText();
    List<String> marked = new ArrayList<>();
    hit.at("/text/highlights")
        .forEach(h -> marked.add(text.substring(h.get("start").asInt(), h.get("end").asInt())));
    return marked;
  }

  static String persian(String ascii) {
    return PersianText.toPersianDigits(ascii);
  }

  static String arabic(String ascii) {
    StringBuilder out = new StringBuilder();
    ascii.chars().forEach(c -> out.append((char) ('٠' + (c - '0'))));
    return out.toString();
  }
}
