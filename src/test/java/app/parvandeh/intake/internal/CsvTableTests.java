package app.parvandeh.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.shared.ParvandehException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTests {

  private static final List<String> COLUMNS = List.of("student_number", "national_id");

  private static CsvTable read(String csv) {
    return CsvTable.read(csv.getBytes(StandardCharsets.UTF_8), COLUMNS, 100);
  }

  @ParameterizedTest(name = "a header cell with U+{0} still names its column")
  @ValueSource(ints = {0x00A0, 0x202F, 0x2009, 0x3000, 0x200E, 0x200F, 0xFEFF})
  void aHeaderCellWithAnInvisibleOrUnicodeSpaceCharacterStillNamesItsColumn(int character) {
    char c = (char) character;
    CsvTable table =
        read("\uFEFF" + c + "Student_Number" + c + ",national_id" + c + "\r\n4051100001,1234\r\n");

    assertThat(table.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("student_number")).isEqualTo("4051100001");
              assertThat(row.get("national_id")).isEqualTo("1234");
            });
  }

  @Test
  void aHeaderNamingAColumnTwiceIsRefusedWholeNamingTheColumn() {
    assertThatThrownBy(
            () ->
                read(
                    "student_number,National_ID,extra,extra,,, national_id\u00A0\r\n"
                        + "4051100001,,x,y,,,0012345679\r\n"))
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("repeated-column");
              assertThat(e.messageEn()).contains("national_id").doesNotContain("extra");
              assertThat(e.messageFa()).contains("national_id");
            });
  }

  @Test
  void onlyDataRowsCountTowardTheRowCapNotLinesOfEmptyCells() {
    String header = "student_number,national_id\r\n";
    String blank = ",\r\n \u00A0, \r\n\r\n";
    String threeRows = "1,a\r\n" + blank + "2,b\r\n" + blank + "3,c\r\n" + blank;

    CsvTable table =
        CsvTable.read((header + threeRows).getBytes(StandardCharsets.UTF_8), COLUMNS, 3);

    assertThat(table.rows())
        .extracting(r -> r.get("student_number"))
        .containsExactly("1", "2", "3");
    assertThatThrownBy(
            () ->
                CsvTable.read(
                    (header + threeRows + "4,d\r\n").getBytes(StandardCharsets.UTF_8), COLUMNS, 3))
        .isInstanceOfSatisfying(
            ParvandehException.class, e -> assertThat(e.code()).isEqualTo("too-many-rows"));
  }

  @ParameterizedTest(name = "a list parted by U+{0} is read by its header's separator")
  @ValueSource(ints = {';', '\t', 0x061B, 0x060C})
  void aListSavedWithAnotherSeparatorIsReadByTheOneItsHeaderUses(int character) {
    String s = String.valueOf((char) character);
    CsvTable table =
        read(
            "\r\nstudent_number"
                + s
                + "national_id\r\n4051100001"
                + s
                + "\"1,2\"\r\n4051100002"
                + s
                + "0012345679\r\n");

    assertThat(table.rows())
        .extracting(r -> r.get("student_number") + "|" + r.get("national_id"))
        .containsExactly("4051100001|1,2", "4051100002|0012345679");
  }

  @Test
  void excelsSeparatorLineIsObeyedAndNotReadAsTheHeader() {
    CsvTable table = read("sep=;\r\nstudent_number;national_id\r\n4051100001;1,5\r\n");

    assertThat(table.rows())
        .singleElement()
        .satisfies(row -> assertThat(row.get("national_id")).isEqualTo("1,5"));
  }

  @ParameterizedTest(name = "header «{0}» names the columns")
  @ValueSource(
      strings = {
        "Student Number,National-ID",
        "STUDENT_NUMBER,national id",
        "studentNumber,NationalId",
        "شماره دانشجويي,کد‌ملی",
        "\u200Cشماره  دانشجویی\u200C,كد ملي"
      })
  void aHeaderCellInOtherSpellingOrItsPersianTitleNamesItsColumn(String header) {
    CsvTable table =
        CsvTable.read(
            (header + "\r\n4051100001,0012345679\r\n").getBytes(StandardCharsets.UTF_8),
            COLUMNS,
            Map.of("شماره دانشجویی", "student_number", "کد ملی", "national_id"),
            100);

    assertThat(table.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("student_number")).isEqualTo("4051100001");
              assertThat(row.get("national_id")).isEqualTo("0012345679");
            });
  }

  @Test
  void aColumnNamedOnceByItsPersianTitleAndOnceInEnglishIsRepeatedNamingBothCells() {
    assertThatThrownBy(
            () ->
                CsvTable.read(
                    "شماره دانشجویی,student_number,national_id\r\n1,2,3\r\n"
                        .getBytes(StandardCharsets.UTF_8),
                    COLUMNS,
                    Map.of("شماره دانشجویی", "student_number"),
                    100))
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.code()).isEqualTo("repeated-column");
              assertThat(e.messageEn()).contains("student_number (شماره دانشجویی, student_number)");
              assertThat(e.messageFa()).contains("«شماره دانشجویی»");
            });
  }

  @Test
  void aReportsTitleAndALineOfCommasAboveTheHeaderAreSkipped() {
    CsvTable table =
        read(
            "گزارش دانشجویان ورودی ۱۴۰۵,,\r\n"
                + "تاریخ: ۱۴۰۵/۰۷/۰۱,,\r\n"
                + ",,\r\n"
                + "student_number,national_id,note\r\n"
                + "4051100001,0012345679,x\r\n");

    assertThat(table.rows())
        .singleElement()
        .satisfies(row -> assertThat(row.get("student_number")).isEqualTo("4051100001"));
  }

  @Test
  void aLineThatCouldBeDataAboveTheHeaderIsNotSkipped() {
    assertThatThrownBy(
            () ->
                read(
                    "4051100002,0012345679,x\r\n"
                        + "student_number,national_id,note\r\n"
                        + "4051100001,0012345679,x\r\n"))
        .isInstanceOfSatisfying(
            ParvandehException.class, e -> assertThat(e.code()).isEqualTo("bad-header"));
  }

  @Test
  void aRowWithMoreCellsThanTheHeaderIsMisshapenAndTheOthersAreNot() {
    CsvTable table =
        read(
            "student_number,national_id,note,\r\n"
                + "4051100001,0012345679,x,\r\n"
                + "4051100002,0012345679,مهندسی برق, گرایش قدرت\r\n"
                + "4051100003,0012345679\r\n");

    assertThat(table.rows()).hasSize(3);
    assertThat(table.shapeRefusal(0)).isNull();
    assertThat(table.shapeRefusal(2)).as("fewer cells: the missing ones are empty").isNull();
    assertThat(table.shapeRefusal(1).field()).isEqualTo("row");
    assertThat(table.shapeRefusal(1).reasonEn()).contains("4 cells", "3 columns", "گرایش قدرت");
  }

  @Test
  void aRowPartedByAnotherSeparatorThanTheHeaderSaysWhich() {
    CsvTable table = read("student_number,national_id\r\n4051100001;0012345679\r\n");

    assertThat(table.shapeRefusal(0).reasonEn()).contains("\";\"", "\",\"");
    assertThat(table.shapeRefusal(0).reasonFa()).contains("«;»");
  }

  @Test
  void anUnclosedQuoteIsRefusedWholeNamingItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    "student_number,national_id\r\n"
                        + "4051100001,0012345679\r\n"
                        + "\"4051100002\" x,0012345679\r\n"))
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.code()).isEqualTo("unreadable-csv");
              assertThat(e.messageEn()).contains("line 3");
              assertThat(e.messageFa()).contains("خط ۳");
            });
  }
}
