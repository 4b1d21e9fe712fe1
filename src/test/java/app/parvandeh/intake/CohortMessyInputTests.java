package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.Degree;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cohort lists as they really come: Arabic-Indic digits, joiners and stray spaces, quoted cells
 * with commas and line breaks, blank lines and rows, a row repeated, a name admission itself
 * refuses among good rows, and files in the other encodings spreadsheets save (UTF-16,
 * Windows-1256), which are read; a cut file or a workbook is refused whole with a message that says
 * which.
 */
@ParvandehIntegrationTest
class CohortMessyInputTests {

  @LocalServerPort int port;
  @Autowired StudentService students;

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  private static String arabicIndic(String ascii) {
    StringBuilder out = new StringBuilder();
    ascii
        .chars()
        .forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('٠' + c - '0') : (char) c));
    return out.toString();
  }

  private static String row(
      String number, String nationalId, String firstName, String lastName, String program) {
    return String.join(
        ",",
        number,
        nationalId,
        firstName,
        lastName,
        "علی",
        "engineering",
        "کارشناسی",
        program,
        "1403",
        "سراسری",
        "false");
  }

  @Test
  void messyCellsAreFoldedBlankLinesSkippedAndEveryOtherRowJudgedOnItsOwn() {
    String a = CohortList.freshNumber();
    String b = CohortList.freshNumber();
    String c = CohortList.freshNumber();
    String d = CohortList.freshNumber();
    String e = CohortList.freshNumber();
    String nationalA = TestStudents.nationalId();
    String nationalB = TestStudents.nationalId();
    String typedA = arabicIndic(a.substring(0, 3)) + " " + arabicIndic(a.substring(3));
    String csv =
        CohortList.HEADER
            + "\r\n"
            + row(
                typedA,
                arabicIndic(nationalA),
                "\u200Cمريم  \u200C",
                " رضايي\u200C\u200Cفر ",
                "\"مهندسی کامپیوتر, نرم‌افزار\"")
            + "\r\n"
            + "\r\n"
            + ",,,,,,,,,,\r\n"
            + row(b, nationalB, "\"سارا\nاحمدی\"", "کریمی", "فیزیک")
            + "\r\n"
            + row(typedA, arabicIndic(nationalA), "مریم", "رضایی‌فر", "مهندسی کامپیوتر")
            + "\r\n"
            + row(c, TestStudents.nationalId(), "\u2066علی", "کاظمی", "شیمی")
            + "\r\n"
            + row(d, TestStudents.nationalId(), "زهرا", "@SUM(1)", "ریاضی")
            + "\r\n"
            + row(e, TestStudents.nationalId(), "حسین", "\"موسوی \"\"نژاد\"\"\"", "آمار")
            + "\r\n";

    JsonNode done = CohortList.importAndWait(central(), csv.getBytes(StandardCharsets.UTF_8));

    assertThat(done.path("total").asInt()).as("blank lines and rows are no rows").isEqualTo(6);
    JsonNode rows = done.path("rows");
    assertThat(rows.findValuesAsText("outcome"))
        .containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED");
    StudentRef first = students.get(a);
    assertThat(first.firstName()).isEqualTo("مریم");
    assertThat(first.lastName()).isEqualTo("رضایی\u200Cفر");
    assertThat(first.nationalId()).isEqualTo(nationalA);
    assertThat(first.program()).isEqualTo("مهندسی کامپیوتر, نرم‌افزار");
    assertThat(rows.get(1).path("field").asText()).isEqualTo("first_name");
    assertThat(rows.get(2).path("field").asText()).isEqualTo("student_number");
    assertThat(rows.get(2).path("reasonEn").asText()).contains("row 1");
    assertThat(rows.get(3).path("reasonEn").asText())
        .as("refused by admission itself")
        .contains("direction");
    assertThat(rows.get(4).path("field").asText()).isEqualTo("last_name");
    assertThat(rows)
        .allSatisfy(
            r -> {
              if (r.path("outcome").asText().equals("REJECTED")) {
                assertThat(r.path("reasonFa").asText()).isNotBlank();
              }
            });
    assertThat(students.find(b)).isEmpty();
    assertThat(students.find(c)).isEmpty();
    assertThat(students.get(e).lastName()).isEqualTo("موسوی \"نژاد\"");
  }

  @Test
  void aListSavedAsUtf16OrWindows1256IsReadWithItsPersianLetters() {
    String utf16le = CohortList.freshNumber();
    String utf16be = CohortList.freshNumber();
    String unicodeText = CohortList.freshNumber();
    String windows = CohortList.freshNumber();

    JsonNode le = importOne(utf16le, "\r\n", ',', "", StandardCharsets.UTF_16LE);
    JsonNode be = importOne(utf16be, "\n", ',', "", StandardCharsets.UTF_16);
    JsonNode tabs = importOne(unicodeText, "\r\n", '\t', "\uFEFF", StandardCharsets.UTF_16LE);
    JsonNode legacy = importOne(windows, "\r\n", ',', "", Charset.forName("windows-1256"));

    for (JsonNode done : new JsonNode[] {le, be, tabs, legacy}) {
      assertThat(done.path("rows").findValuesAsText("outcome"))
          .as(done.toString())
          .containsExactly("ACCEPTED");
    }
    for (String number : new String[] {utf16le, utf16be, unicodeText, windows}) {
      assertThat(students.get(number).firstName()).isEqualTo("مریم");
      assertThat(students.get(number).lastName()).isEqualTo(LETTERS_1256);
    }
  }

  /** Persian's own letters, where Windows-1256 differs from Arabic code pages, and a joiner. */
  private static final String LETTERS_1256 = "پژوهش\u200Cگر چکیده";

  /**
   * A one-row list (named «مریم» {@link #LETTERS_1256}) saved in {@code charset}; for Windows-1256
   * with Arabic ي and ك, as Excel on a Persian Windows writes them (the code page has no Persian ی
   * and ک).
   */
  private JsonNode importOne(
      String number, String lineEnd, char separator, String start, Charset charset) {
    String list =
        start
            + (CohortList.HEADER
                    + lineEnd
                    + row(number, TestStudents.nationalId(), "مریم", LETTERS_1256, "فیزیک")
                    + lineEnd)
                .replace(',', separator);
    if (charset.name().equals("windows-1256")) {
      list = list.replace('ی', 'ي').replace('ک', 'ك');
    }
    return CohortList.importAndWait(central(), list.getBytes(charset));
  }

  @Test
  void aCutUtf8ListAWorkbookOrABinaryFileIsRefusedWholeSayingWhich() {
    String number = CohortList.freshNumber();
    byte[] good =
        (CohortList.HEADER
                + "\r\n"
                + row(CohortList.freshNumber(), TestStudents.nationalId(), "مریم", "رضایی", "فیزیک")
                + "\r\n"
                + row(number, TestStudents.nationalId(), "زهرا", "کاظمی", "شیمی")
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    // One byte of "کاظمی" on line 3 is lost, as in a file cut and patched by hand.
    int cut = indexOf(good, "کاظمی".getBytes(StandardCharsets.UTF_8)) + 1;
    byte[] broken = new byte[good.length - 1];
    System.arraycopy(good, 0, broken, 0, cut);
    System.arraycopy(good, cut + 1, broken, cut, good.length - cut - 1);
    byte[] workbook = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
    byte[] oldWorkbook = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1};
    byte[] binary = {'a', 0, 0, 'b', 'c', 0, 'd', 0, 0, 0, 'e', 'f', 0, 'g'};

    Response cutList = CohortList.upload(central(), broken);
    Response xlsx = CohortList.upload(central(), workbook);
    Response xls = CohortList.upload(central(), oldWorkbook);
    Response noText = CohortList.upload(central(), binary);

    assertThat(cutList.status()).as(cutList.toString()).isEqualTo(400);
    assertThat(cutList.json().path("code").asText()).isEqualTo("not-utf8");
    assertThat(cutList.json().path("messageEn").asText()).contains("UTF-8", "line 3");
    assertThat(cutList.json().path("messageFa").asText()).contains("خط ۳");
    for (Response refused : new Response[] {xlsx, xls, noText}) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("code").asText()).isEqualTo("not-a-csv");
      assertThat(refused.json().path("messageFa").asText()).contains("CSV UTF-8");
    }
    assertThat(xlsx.json().path("messageEn").asText()).contains("Excel workbook");
    assertThat(students.find(number)).isEmpty();
  }

  @Test
  void aNameWhoseLettersWereLostInSavingIsRefusedAndTheOtherRowsImported() {
    String lost = CohortList.freshNumber();
    String kept = CohortList.freshNumber();
    // A Persian list saved as Windows-1252 (Western): every Persian letter became "?".
    byte[] western =
        (CohortList.HEADER
                + "\r\n"
                + row(lost, TestStudents.nationalId(), "مریم", "رضایی", "فیزیک")
                + "\r\n"
                + String.join(
                    ",",
                    kept,
                    TestStudents.nationalId(),
                    "Maryam",
                    "Rezaei",
                    "Ali",
                    "engineering",
                    "bachelor",
                    "Physics",
                    "1403",
                    "national",
                    "no")
                + "\r\n")
            .getBytes(Charset.forName("windows-1252"));

    JsonNode done = CohortList.importAndWait(central(), western);

    JsonNode rows = done.path("rows");
    assertThat(rows.findValuesAsText("outcome"))
        .as(done.toString())
        .containsExactly("REJECTED", "ACCEPTED");
    assertThat(rows.get(0).path("reasonEn").asText()).contains("lost");
    assertThat(rows.get(0).path("reasonFa").asText()).contains("از دست رفته");
    assertThat(students.find(lost)).isEmpty();
  }

  @Test
  void aReportTitleAboveTheHeaderIsSkippedAndARowWhoseCellsMovedIsRefusedSayingWhy() {
    String good = CohortList.freshNumber();
    String moved = CohortList.freshNumber();
    String csv =
        "فهرست پذیرفته‌شدگان ۱۴۰۵,,,,,,,,,,\r\n"
            + CohortList.HEADER
            + "\r\n"
            + row(good, TestStudents.nationalId(), "مریم", "رضایی", "فیزیک")
            + "\r\n"
            // The father's name "علی, محمد" without quotes: every cell after it moved one place.
            + row(moved, TestStudents.nationalId(), "زهرا", "کاظمی", "شیمی")
                .replace(",علی,", ",علی, محمد,")
            + "\r\n";

    JsonNode done = CohortList.importAndWait(central(), csv.getBytes(StandardCharsets.UTF_8));

    JsonNode rows = done.path("rows");
    assertThat(rows.findValuesAsText("outcome"))
        .as(done.toString())
        .containsExactly("ACCEPTED", "REJECTED");
    assertThat(rows.get(1).path("field").asText()).isEqualTo("row");
    assertThat(rows.get(1).path("reasonEn").asText()).contains("12 cells", "11 columns");
    assertThat(rows.get(1).path("reasonFa").asText()).contains("نقل‌قول");
    assertThat(students.find(moved)).isEmpty();
    assertThat(students.get(good).lastName()).isEqualTo("رضایی");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void aReImportedNameWithATextDirectionControlIsRefusedLikeANewFilesName() {
    char[] controls = {'\u2066', '\u2067', '\u2068', '\u2069', '\u061C'};
    String[] columns = {"first_name", "last_name", "father_name", "first_name", "last_name"};
    CohortList first = CohortList.create();
    for (int i = 0; i < controls.length; i++) {
      first.row().set("first_name", "علی").set("last_name", "کریمی").set("father_name", "حسن");
    }
    CohortList.importAndWait(central(), first.bytes());
    CohortList again = CohortList.create();
    for (int i = 0; i < controls.length; i++) {
      again.copyRow(first.rowAt(i));
      String cell = first.get(i, columns[i]);
      again.set(columns[i], cell.substring(0, 1) + controls[i] + cell.substring(1) + '\u2069');
    }

    JsonNode done = CohortList.importAndWait(central(), again.bytes());

    assertThat(done.path("rows").findValuesAsText("outcome")).containsOnly("REJECTED");
    assertThat(done.path("rows").findValuesAsText("reasonEn"))
        .allSatisfy(reason -> assertThat(reason).contains("text-direction control"));
    for (int i = 0; i < controls.length; i++) {
      StudentRef kept = students.get(first.get(i, "student_number"));
      assertThat(kept.firstName()).isEqualTo("علی");
      assertThat(kept.lastName()).isEqualTo("کریمی");
      assertThat(kept.fatherName()).isEqualTo("حسن");
    }
  }

  @Test
  void aLaterListCorrectsASpellingButArabicLetterFormsAndStraySpacesAreNoChange() {
    CohortList first =
        CohortList.create()
            .row()
            .set("first_name", "محمد رضا")
            .set("last_name", "کریمی")
            .row()
            .set("first_name", "فاطمة")
            .set("last_name", "رضائی")
            .set("father_name", "مُحَمَّد")
            .row()
            .set("first_name", "Maryam")
            .set("last_name", "رضایی")
            .set("program", "مهندسی کامپیوتر");
    CohortList.importAndWait(central(), first.bytes());
    CohortList again = CohortList.create();
    again.copyRow(first.rowAt(0)).set("first_name", " محمد  رضا ").set("last_name", "كريمي");
    again
        .copyRow(first.rowAt(1))
        .set("first_name", "فاطمه")
        .set("last_name", "رضایی")
        .set("father_name", "محمد");
    again
        .copyRow(first.rowAt(2))
        .set("first_name", "MARYAM")
        .set("program", "مهندسي\u00A0کامپیوتر");

    JsonNode done = CohortList.importAndWait(central(), again.bytes());

    assertThat(done.path("rows").findValuesAsText("outcome"))
        .as(done.toString())
        .containsExactly("UNCHANGED", "UPDATED", "UPDATED");
    assertThat(done.path("rows").get(1).path("field").asText())
        .isEqualTo("first_name,last_name,father_name");
    assertThat(students.get(first.get(0, "student_number")).firstName()).isEqualTo("محمد رضا");
    StudentRef corrected = students.get(first.get(1, "student_number"));
    assertThat(corrected.firstName()).isEqualTo("فاطمه");
    assertThat(corrected.lastName()).isEqualTo("رضایی");
    assertThat(corrected.fatherName()).isEqualTo("محمد");
    assertThat(students.get(first.get(2, "student_number")).firstName()).isEqualTo("MARYAM");
    assertThat(done.path("rows").get(2).path("field").asText()).isEqualTo("first_name");
  }

  @Test
  void aBlankCellInALaterListKeepsTheStoredValueAndTheFilePageShowsIt() {
    CohortList first = CohortList.create().row().set("father_name", "").set("program", "فیزیک");
    CohortList.importAndWait(central(), first.bytes());
    CohortList again =
        CohortList.create().copyRow(first.rowAt(0)).set("father_name", "حسن").set("program", "");

    JsonNode row = CohortList.importAndWait(central(), again.bytes()).path("rows").get(0);

    assertThat(row.path("outcome").asText()).isEqualTo("UPDATED");
    assertThat(row.path("field").asText()).isEqualTo("father_name");
    assertThat(row.path("reasonEn").asText())
        .contains("fatherName: (none) → «حسن»")
        .doesNotContain("program")
        .doesNotContain("null");
    assertThat(row.path("reasonFa").asText()).contains("(خالی) → «حسن»").doesNotContain("null");
    assertThat(students.get(first.get(0, "student_number")).program()).isEqualTo("فیزیک");
    JsonNode shown =
        central().get("/api/students/" + first.get(0, "student_number") + "/file").json();
    assertThat(shown.at("/student/fatherName").asText()).isEqualTo("حسن");
    assertThat(shown.at("/student/program").asText()).isEqualTo("فیزیک");
    assertThat(shown.at("/student/admissionChannel").asText()).isNotBlank();
  }

  @Test
  void aListSavedByAPersianSpreadsheetWithPersianTitlesAndNamesIsReadAndItsLostNumbersRefused() {
    String a = CohortList.freshNumber();
    String b = CohortList.freshNumber();
    String c = CohortList.freshNumber();
    String nationalA = TestStudents.nationalId();
    StringBuilder fullWidthA = new StringBuilder();
    nationalA.chars().forEach(d -> fullWidthA.append((char) ('\uFF10' + d - '0')));
    String csv =
        String.join(
                "\r\n",
                "نام؛نام خانوادگی؛شماره دانشجويي؛کد ملی؛نام پدر؛دانشکده؛مقطع تحصیلی؛رشته؛سال ورود؛"
                    + "نوع پذیرش؛استعداد درخشان؛معدل",
                "سارا؛احمدی؛=\""
                    + a
                    + "\"؛"
                    + fullWidthA
                    + "؛رضا؛فني و مهندسي؛کارشناسی پیوسته؛مهندسی برق؛۱۴۰۳؛سراسری؛خیر؛۱۸٫۵",
                "نرگس؛کاظمی؛4.03E+09؛"
                    + TestStudents.nationalId()
                    + "؛؛engineering؛کارشناسی؛؛1403؛سراسری؛خیر؛",
                "مینا؛رحیمی؛"
                    + c
                    + "؛'"
                    + TestStudents.nationalId()
                    + "؛؛Faculty of Engineering؛دکترا؛؛1403.0؛استعداد درخشان؛بله؛")
            + "\r\n";

    JsonNode done = CohortList.importAndWait(central(), csv.getBytes(StandardCharsets.UTF_8));

    JsonNode rows = done.path("rows");
    assertThat(rows.findValuesAsText("outcome"))
        .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
    StudentRef sara = students.get(a);
    assertThat(sara.nationalId()).isEqualTo(nationalA);
    assertThat(sara.faculty().code()).isEqualTo("engineering");
    assertThat(sara.degree()).isEqualTo(Degree.BACHELOR);
    assertThat(sara.fatherName()).isEqualTo("رضا");
    assertThat(sara.brilliantTalent()).isFalse();
    assertThat(rows.get(1).path("field").asText()).isEqualTo("student_number");
    assertThat(rows.get(1).path("reasonEn").asText()).contains("scientific notation");
    assertThat(rows.get(1).path("reasonFa").asText()).contains("نماد علمی");
    assertThat(students.find(b)).isEmpty();
    StudentRef mina = students.get(c);
    assertThat(mina.degree()).isEqualTo(Degree.PHD);
    assertThat(mina.entryYear()).isEqualTo(1403);
    assertThat(mina.brilliantTalent()).isTrue();
  }

  @Test
  void
      aPersonRepeatedUnderAnotherNumberIsRejectedAtTheSameDegreeAndANumberRepeatedAsTextIsARepeat() {
    CohortList list = CohortList.create().row().row().row().row();
    String person = list.get(0, "national_id");
    list.rowAt(1).put("national_id", person);
    list.rowAt(2).put("national_id", person);
    list.rowAt(2).put("degree_level", "کارشناسی ارشد");
    list.rowAt(3).put("student_number", "=\"" + list.get(0, "student_number") + "\"");

    JsonNode rows = CohortList.importAndWait(central(), list.bytes()).path("rows");

    assertThat(rows.findValuesAsText("outcome"))
        .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED", "REJECTED");
    assertThat(rows.get(3).path("reasonEn").asText())
        .as("the number kept as text by a spreadsheet is the same number")
        .contains("repeated from row 1");
    assertThat(rows.get(1).path("reasonEn").asText())
        .contains("already has an active file at this degree")
        .contains(list.get(0, "student_number"));
    assertThat(rows.get(1).path("reasonFa").asText()).isNotBlank();
    assertThat(students.find(list.get(1, "student_number"))).isEmpty();
    assertThat(students.get(list.get(2, "student_number")).degree()).isEqualTo(Degree.MASTER);
  }
}
