package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.note.NoteService;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Report 112's CSV parsed back and its PDF's text extracted, both checked against the notes made
 * here.
 */
@ParvandehIntegrationTest
class NotesReportExportTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired NoteService notes;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  NotesReportFixture f;
  ApiClient clerk;

  @BeforeEach
  void notes() {
    f = new NotesReportFixture(students, documents, notes, identity, runtime, management);
    clerk = ApiClient.signedIn(port, f.clerk, NotesReportFixture.PASSWORD);
  }

  @Test
  void csvHasABomPersianHeadersAndOneRowPerNoteAddress() throws IOException {
    Response answer = clerk.get("/api/reports/notes?faculty=" + f.faculty + "&format=csv");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type"))
        .startsWith("text/csv")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(answer.header("Content-Disposition"))
        .startsWith("attachment")
        .contains("filename=\"report-112-notes-" + f.faculty + ".csv\"");
    assertThat(Arrays.copyOf(answer.body(), 3))
        .as("UTF-8 byte-order mark for Excel")
        .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

    String text = new String(answer.body(), 3, answer.body().length - 3, StandardCharsets.UTF_8);
    try (CSVParser csv =
        CSVFormat.EXCEL
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))) {
      assertThat(csv.getHeaderNames()).containsExactlyElementsOf(NotesReportCsv.HEADERS);
      List<CSVRecord> rows = csv.getRecords();
      String first = f.first.studentNumber();
      assertThat(rows)
          .extracting(r -> r.get("شماره دانشجویی"))
          .containsExactlyElementsOf(
              first.compareTo(f.second.studentNumber()) < 0
                  ? List.of(first, first, first, first, f.second.studentNumber())
                  : List.of(f.second.studentNumber(), first, first, first, first));
      List<CSVRecord> ofFirst =
          rows.stream().filter(r -> r.get("شماره دانشجویی").equals(first)).toList();
      assertThat(ofFirst)
          .extracting(r -> r.get("شناسه یادداشت"))
          .containsExactly(
              String.valueOf(f.registration.id()),
              String.valueOf(f.registration.id()),
              String.valueOf(f.counter.id()),
              String.valueOf(f.plain.id()));

      CSVRecord birth =
          ofFirst.stream()
              .filter(r -> r.get("نام فایل").equals("birth-certificate.pdf"))
              .findFirst()
              .orElseThrow();
      assertThat(birth.get("نوع مدرک")).isEqualTo("شناسنامه");
      assertThat(birth.get("نوع نشانی")).isEqualTo("مدرک پرونده");
      assertThat(birth.get("نوع یادداشت")).isEqualTo("تکمیل مدارک ثبت‌نامی");
      assertThat(birth.get("صفحه گلستان")).isEqualTo("10730");
      assertThat(birth.get("نام و نام خانوادگی")).isEqualTo(f.first.fullName());
      assertThat(birth.get("مقطع")).isEqualTo("کارشناسی");
      assertThat(birth.get("زمان ثبت")).isEqualTo(f.registration.createdAtJalali());
      assertThat(birth.get("متن یادداشت")).isEqualTo(f.registration.body());
      assertThat(birth.get("پیوند مدرک"))
          .startsWith("http://localhost:" + port + "/api/documents/versions/")
          .endsWith("/content");

      CSVRecord counter = ofFirst.get(2);
      assertThat(counter.get("نوع نشانی")).isEqualTo("مرجع بیرونی");
      assertThat(counter.get("نشانی")).isEqualTo(NotesReportFixture.COUNTER_ADDRESS);
      assertThat(counter.get("عنوان نشانی")).isEqualTo("گواهی اشتغال به تحصیل");
      assertThat(counter.get("پیوند مدرک")).isEmpty();
      assertThat(counter.get("متن یادداشت"))
          .isEqualTo("گواهی اشتغال به تحصیل از پیشخوان خدمت صادر شد.");

      CSVRecord plain = ofFirst.get(3);
      assertThat(plain.get("نشانی")).isEmpty();
      assertThat(plain.get("نوع یادداشت")).isEqualTo("یادداشت");
    }
  }

  @Test
  void aCsvTheClerkMayNotSeeIsRefusedAsJsonBeforeAnyRowIsWritten() {
    Response answer = clerk.get("/api/reports/notes?faculty=" + f.otherFaculty + "&format=csv");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().get("messageFa").asText()).isNotBlank();
    Response unknown =
        clerk.get("/api/reports/notes?faculty=" + f.faculty + "&from=1405/13/40&format=csv");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void csvCellsThatLookLikeFormulasStayText() {
    assertThat(NotesReportCsv.defuse("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(NotesReportCsv.defuse("+98")).isEqualTo("'+98");
    assertThat(NotesReportCsv.defuse("متن")).isEqualTo("متن");
  }

  @Test
  void pdfIsPersianWithAHeaderPerStudentJalaliDatesLinksAndPageNumbers() throws IOException {
    String longBody =
        "این یادداشت بلند است و باید در چند سطر شکسته شود؛ "
            + "نشانی مدرک در سامانه گلستان ثبت شد. ".repeat(12);
    for (int i = 0; i < 30; i++) {
      notes.record(
          f.second.id(),
          app.parvandeh.note.NoteKind.GENERAL,
          i == 0 ? longBody : "یادداشت " + i,
          f.clerk,
          List.of(),
          null);
    }
    Response answer = clerk.get("/api/reports/notes?faculty=" + f.faculty + "&format=pdf");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(answer.header("Content-Disposition"))
        .startsWith("attachment")
        .contains("report-112-notes-" + f.faculty + ".pdf");
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/report-112-sample.pdf"), answer.body());

    try (PDDocument pdf = Loader.loadPDF(answer.body())) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(NotesReportPdf.TITLE);
      String text = comparable(new PDFTextStripper().getText(pdf));
      assertThat(text).contains(comparable(NotesReportPdf.TITLE));
      assertThat(text).contains(f.first.studentNumber(), f.second.studentNumber());
      assertThat(text)
          .contains("birth-certificate.pdf", "photo-2024.jpg", NotesReportFixture.COUNTER_ADDRESS);
      assertThat(text).contains(comparable(f.registration.createdAtJalali().substring(0, 10)));
      assertThat(text).contains(comparable("گواهی اشتغال به تحصیل از پیشخوان خدمت صادر شد."));
      assertThat(text).contains(comparable("یادداشت دانشجوی دوم"), comparable("مرجع بیرونی"));
      assertThat(text)
          .contains(
              comparable("صفحه ۱ از " + PersianText.toPersianDigits(String.valueOf(pages))),
              comparable(
                  "صفحه "
                      + PersianText.toPersianDigits(String.valueOf(pages))
                      + " از "
                      + PersianText.toPersianDigits(String.valueOf(pages))));

      List<String> links =
          pdf.getPage(0).getAnnotations().stream()
              .filter(PDAnnotationLink.class::isInstance)
              .map(a -> ((PDActionURI) ((PDAnnotationLink) a).getAction()).getURI())
              .collect(Collectors.toList());
      assertThat(links)
          .isNotEmpty()
          .allMatch(
              uri ->
                  uri.matches("http://localhost:" + port + "/api/documents/versions/\\d+/content"));
    }
  }

  /**
   * Extracted Arabic-script text comes back as presentation forms, without joiners:
   * compatibility-normalize, then fold digits, letter variants and spaces the way searches do.
   */
  private static String comparable(String text) {
    return PersianText.compact(Normalizer.normalize(text, Normalizer.Form.NFKC));
  }
}
