package app.parvandeh.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.intake.internal.CohortRowRules.Judgement;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FacultyRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CohortRowRulesTests {

  private static Judgement judge(String nationalId) {
    return judge(Map.of("national_id", nationalId));
  }

  /** A good row with {@code changed} cells put in. */
  private static Judgement judge(Map<String, String> changed) {
    String[] values = {
      "4051100001",
      "0012345679",
      "نگار",
      "صادقی",
      "",
      "engineering",
      "کارشناسی",
      "",
      "1402",
      "سراسری",
      "false"
    };
    Map<String, String> cells = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      cells.put(CohortRowRules.COLUMNS.get(i), values[i]);
    }
    cells.putAll(changed);
    return CohortRowRules.judge(
        new CohortRow(1L, 1, cells), code -> code.equals("engineering") ? code : null, 1404);
  }

  @ParameterizedTest(name = "student number «{0}» is read as 4051100001")
  @ValueSource(
      strings = {
        "=\"4051100001\"",
        "'4051100001",
        "4051100001.0",
        "4051100001٫00",
        "\uFF14\uFF10\uFF15\uFF11\uFF11\uFF10\uFF10\uFF10\uFF10\uFF11",
        " =\" ۴۰۵۱۱۰۰۰۰۱ \" "
      })
  void aNumberASpreadsheetKeptAsTextOrWroteWithZeroDecimalsIsReadAsItsDigits(String typed) {
    Judgement judgement = judge(Map.of("student_number", typed));

    assertThat(judgement.refusal()).isNull();
    assertThat(judgement.candidate().student().studentNumber()).isEqualTo("4051100001");
  }

  @ParameterizedTest(name = "{0} «{1}» is refused: {2}")
  @CsvSource({
    "student_number, 4.0511E+09, scientific notation",
    "student_number, 4.05110000E+09, scientific notation",
    "national_id, 1.23457E+07, scientific notation",
    "entry_year, 1.405E+03, scientific notation",
    "student_number, =4051100000+1, formula",
    "student_number, '=A1', formula",
    "national_id, @SUM(A1), formula",
    "national_id, +0012345679, formula",
    "entry_year, =YEAR(TODAY()), formula"
  })
  void aNumberInScientificNotationOrAFormulaIsRefusedSayingSo(
      String column, String typed, String why) {
    Judgement judgement = judge(Map.of(column, typed));

    assertThat(judgement.refusal()).isNotNull();
    assertThat(judgement.refusal().field()).isEqualTo(column);
    assertThat(judgement.refusal().reasonEn()).contains(why);
    assertThat(judgement.refusal().reasonFa())
        .contains(why.equals("formula") ? "فرمول" : "نماد علمی");
  }

  @ParameterizedTest(name = "degree «{0}» is {1}")
  @CsvSource({
    "کارشناسی پیوسته, BACHELOR",
    "كارشناسي ناپيوسته, BACHELOR",
    "B.Sc., BACHELOR",
    "کارشناسی‌ارشد, MASTER",
    "ارشد, MASTER",
    "کارشناسی ارشد ناپیوسته, MASTER",
    "M.Sc, MASTER",
    "دکترا, PHD",
    "دکتری تخصصی, PHD",
    "Ph.D., PHD",
    "phd, PHD"
  })
  void aDegreeUnderAnotherNameItGoesByIsKnown(String typed, Degree degree) {
    assertThat(CohortRowRules.degree(typed)).isEqualTo(degree);
  }

  @ParameterizedTest(name = "degree «{0}» is not guessed")
  @ValueSource(strings = {"دکتری حرفه‌ای", "کاردانی", "کارشناسی ارشدد", "master of"})
  void aDegreeThatIsNoneOfTheThreeIsNotGuessed(String typed) {
    assertThat(CohortRowRules.degree(typed)).isNull();
  }

  @ParameterizedTest(name = "brilliant talent «{0}» is {1}")
  @CsvSource({
    "true, true",
    "TRUE, true",
    "1, true",
    "۱, true",
    "بله, true",
    "yes, true",
    "False, false",
    "0, false",
    "خیر, false",
    "No, false"
  })
  void aBrilliantTalentCellSaysYesOrNoInAnyOfItsUsualWords(String typed, boolean talent) {
    Judgement judgement = judge(Map.of("brilliant_talent", typed));

    assertThat(judgement.refusal()).isNull();
    assertThat(judgement.candidate().student().brilliantTalent()).isEqualTo(talent);
  }

  @ParameterizedTest(name = "brilliant talent «{0}» is refused")
  @ValueSource(strings = {"", "2", "شاید", "t"})
  void aBrilliantTalentCellThatIsNeitherYesNorNoIsRefused(String typed) {
    Judgement judgement = judge(Map.of("brilliant_talent", typed));

    assertThat(judgement.refusal()).isNotNull();
    assertThat(judgement.refusal().field()).isEqualTo("brilliant_talent");
  }

  @Test
  void aFacultyIsFoundByItsPersianOrEnglishNameWithOrWithoutTheWordFacultyButNeverGuessed() {
    List<FacultyRef> faculties =
        List.of(
            new FacultyRef("engineering", "دانشکده فنی و مهندسی", "Faculty of Engineering"),
            new FacultyRef("science", "دانشکده علوم پایه", "Faculty of Science"),
            new FacultyRef("science2", "علوم پایه", "Science Campus"));

    assertThat(CohortRowRules.facultyByName("فني و مهندسي", faculties)).isEqualTo("engineering");
    assertThat(CohortRowRules.facultyByName(" دانشکده\u200Cفنی  و مهندسی", faculties))
        .isEqualTo("engineering");
    assertThat(CohortRowRules.facultyByName("engineering faculty", faculties)).isNull();
    assertThat(CohortRowRules.facultyByName("Faculty of Engineering", faculties))
        .isEqualTo("engineering");
    assertThat(CohortRowRules.facultyByName("علوم پایه", faculties))
        .as("two faculties answer to it")
        .isNull();
    assertThat(CohortRowRules.facultyByName("فنی", faculties)).isNull();
    assertThat(CohortRowRules.facultyByName("دانشکده", faculties)).isNull();
    assertThat(CohortRowRules.facultyByName("دانشکدۀ فنی و مهندسی", faculties))
        .isEqualTo("engineering");
    assertThat(CohortRowRules.facultyByName("دانشکده‌ی فنی و مهندسی", faculties))
        .isEqualTo("engineering");
    assertThat(CohortRowRules.facultyByName("دانشکدهٔ فنی و مهندسی", faculties))
        .isEqualTo("engineering");
  }

  @ParameterizedTest(name = "«{0}» for no father's name or programme is an empty cell")
  @ValueSource(strings = {"-", "—", "--", " _ ", "–"})
  void aDashForNoValueIsAnEmptyCellNotAFormula(String dash) {
    Judgement judgement = judge(Map.of("father_name", dash, "program", dash));

    assertThat(judgement.refusal()).isNull();
    assertThat(judgement.candidate().details().fatherName()).isNull();
    assertThat(judgement.candidate().details().program()).isNull();
    assertThat(judge(Map.of("first_name", dash)).refusal().reasonEn()).contains("is empty");
  }

  @Test
  void aLineBreakInsideACellIsRefusedSayingSoAndControlCharactersAreRefused() {
    Judgement lineBreak = judge(Map.of("program", "مهندسی کامپیوتر\nگرایش نرم‌افزار"));
    Judgement bell = judge(Map.of("program", "مهندسی\u0007برق"));
    Judgement isolate = judge(Map.of("admission_type", "\u2067سراسری\u2069"));

    assertThat(lineBreak.refusal().reasonEn()).contains("line break").doesNotContain("formula");
    assertThat(lineBreak.refusal().reasonFa()).contains("Alt+Enter");
    assertThat(bell.refusal().field()).isEqualTo("program");
    assertThat(bell.refusal().reasonEn()).contains("control");
    assertThat(isolate.refusal().field()).isEqualTo("admission_type");
  }

  @ParameterizedTest(name = "brilliant talent «{0}»")
  @CsvSource({"1.0, true", "0.0, false", "نخیر, false", "=\"1\", true"})
  void aTalentCellAsASpreadsheetOrAClerkWritesItIsRead(String typed, boolean talent) {
    Judgement judgement = judge(Map.of("brilliant_talent", typed));

    assertThat(judgement.refusal()).isNull();
    assertThat(judgement.candidate().student().brilliantTalent()).isEqualTo(talent);
  }

  @ParameterizedTest(name = "U+{0} between the words of a degree level")
  @ValueSource(ints = {0x0020, 0x00A0, 0x202F, 0x2007, 0x2009, 0x3000, 0x200C})
  void aDegreeLevelWithAnyUnicodeSpaceBetweenItsWordsIsKnown(int space) {
    char c = (char) space;
    assertThat(CohortRowRules.degree(c + "کارشناسی" + c + c + "ارشد" + c)).isEqualTo(Degree.MASTER);
  }

  @ParameterizedTest(name = "national ID «{0}» is accepted")
  @ValueSource(
      strings = {
        "001-234567-9",
        "001 234567 9",
        "۰۰۱-۲۳۴۵۶۷-۹",
        "001 - 234567 - 9",
        "001\u00A0234567\u00A09",
        "12-345679",
        "0012345679"
      })
  void aNationalIdWithDashesOrSpacesBetweenItsDigitGroupsIsAccepted(String typed) {
    Judgement judgement = judge(typed);

    assertThat(judgement.refusal()).isNull();
    assertThat(judgement.candidate().student().nationalId()).isEqualTo("0012345679");
  }

  @ParameterizedTest(name = "national ID «{0}» is refused")
  @ValueSource(
      strings = {
        "001.234567.9",
        "001/234567/9",
        "001_234567_9",
        "-0012345679",
        "0012345679-",
        "001-234567-8",
        "1-2-3-4-5-6-7",
        "001-234567-9-1"
      })
  void aNationalIdWithOtherSeparatorsOrBrokenDigitsIsRefused(String typed) {
    Judgement judgement = judge(typed);

    assertThat(judgement.refusal()).isNotNull();
    assertThat(judgement.refusal().field()).isEqualTo("national_id");
  }
}
