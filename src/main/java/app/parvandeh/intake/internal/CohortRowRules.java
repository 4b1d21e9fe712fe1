package app.parvandeh.intake.internal;

import static java.util.Map.entry;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.AdmissionDetails;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.NationalId;
import app.parvandeh.student.NewStudent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules one cohort row must meet on its own, column by column in header order; the first broken
 * rule is the row's reason. Digits of any script and Arabic letter forms are folded before a rule
 * looks.
 */
public final class CohortRowRules {

  /** The header of a cohort list, in the order the rules look at the columns. */
  public static final List<String> COLUMNS =
      List.of(
          "student_number",
          "national_id",
          "first_name",
          "last_name",
          "father_name",
          "faculty_code",
          "degree_level",
          "program",
          "entry_year",
          "admission_type",
          "brilliant_talent");

  /**
   * The titles Golestan and clerks give the columns in Persian, each naming the column after it
   * (compared folded, a joiner or a space or none between the words alike).
   */
  public static final Map<String, String> PERSIAN_TITLES =
      Map.ofEntries(
          entry("شماره دانشجویی", "student_number"),
          entry("شماره دانشجو", "student_number"),
          entry("کد دانشجویی", "student_number"),
          entry("کد ملی", "national_id"),
          entry("شماره ملی", "national_id"),
          entry("نام", "first_name"),
          entry("نام خانوادگی", "last_name"),
          entry("نام پدر", "father_name"),
          entry("دانشکده", "faculty_code"),
          entry("کد دانشکده", "faculty_code"),
          entry("مقطع", "degree_level"),
          entry("مقطع تحصیلی", "degree_level"),
          entry("رشته", "program"),
          entry("رشته تحصیلی", "program"),
          entry("سال ورود", "entry_year"),
          entry("نوع پذیرش", "admission_type"),
          entry("نحوه پذیرش", "admission_type"),
          entry("استعداد درخشان", "brilliant_talent"));

  /**
   * Other names a degree goes by in lists (Golestan's continuous and discontinuous bachelor's and
   * master's, the colloquial names, the English abbreviations), compared as {@link
   * PersianText#compact} folds them, dots dropped.
   */
  private static final Map<String, Degree> DEGREE_NAMES = degreeNames();

  /** Yes and no as a brilliant-talent cell may say them. */
  private static final Set<String> YES = Set.of("true", "1", "yes", "بله", "بلی", "آری", "دارد");

  private static final Set<String> NO = Set.of("false", "0", "no", "خیر", "نه", "ندارد");

  /**
   * A number in a spreadsheet's scientific notation (4.0511E+09): the spreadsheet kept only the
   * first digits, so the number cannot be read back.
   */
  private static final Pattern SCIENTIFIC =
      Pattern.compile("[0-9]+(?:[.,٫][0-9]*)?[eE][+-]?[0-9]+");

  /** A whole number a spreadsheet wrote with a decimal part of zeros (4051100101.0). */
  private static final Pattern WHOLE_DECIMAL = Pattern.compile("([0-9]+)[.٫]0+");

  /**
   * A number kept as text by a spreadsheet: {@code ="0012345678"} (the formula that yields the text
   * itself) or a leading apostrophe.
   */
  private static final Pattern TEXT_FORMULA = Pattern.compile("=\"([^\"]*)\"|'(.*)");

  /** The oldest entry year of a file still kept; a later year than next year's is a typo. */
  static final int FIRST_ENTRY_YEAR = 1300;

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** Digits in groups, as the national card prints the ID: 001-234567-9 or 001 234567 9. */
  private static final Pattern GROUPED_DIGITS = Pattern.compile("[0-9]+(?:[- ]+[0-9]+)*");

  private CohortRowRules() {}

  /** A row that met every rule: what admission needs, tidied. */
  public record Candidate(NewStudent student, AdmissionDetails details) {}

  /** Either a candidate or the reason the row is refused. */
  public record Judgement(Candidate candidate, Refusal refusal) {}

  /**
   * Judges the row. {@code facultyCode} gives the code of the faculty a cell names (its code or its
   * Persian or English name), or null for none; {@code currentYear} is this Solar Hijri year, so
   * next year's entrants (imported early) pass and a typed 1499 does not.
   */
  public static Judgement judge(CohortRow row, UnaryOperator<String> facultyCode, int currentYear) {
    String number = numberCell(row.getStudentNumber()).replace(" ", "");
    if (number.isEmpty()) {
      return refused("student_number", "شماره دانشجویی خالی است.", "The student number is empty.");
    }
    Refusal refusal = spreadsheetNumberRefusal("student_number", "شماره دانشجویی", number);
    if (refusal != null) {
      return new Judgement(null, refusal);
    }
    if (!DIGITS.matcher(number).matches() || number.length() < 5 || number.length() > 20) {
      return refused(
          "student_number",
          "شماره دانشجویی باید فقط رقم (۵ تا ۲۰ رقم) باشد.",
          "The student number must be 5 to 20 digits.");
    }
    String nationalId = numberCell(row.getNationalId());
    refusal = nationalIdRefusal(nationalId);
    if (refusal == null) {
      refusal = Cells.text("first_name", "نام", row.getFirstName(), true, 100);
    }
    if (refusal == null) {
      refusal = Cells.text("last_name", "نام خانوادگی", row.getLastName(), true, 100);
    }
    if (refusal == null) {
      refusal = Cells.text("father_name", "نام پدر", row.getFatherName(), false, 100);
    }
    if (refusal != null) {
      return new Judgement(null, refusal);
    }
    String typedFaculty = Cells.clean(row.getFacultyCode());
    String faculty = typedFaculty.isEmpty() ? null : facultyCode.apply(typedFaculty);
    if (faculty == null) {
      return refused(
          "faculty_code",
          "دانشکده «" + typedFaculty + "» در فهرست دانشکده‌ها نیست.",
          "The faculty '" + typedFaculty + "' is not in the faculty list.");
    }
    Degree degree = degree(row.getDegreeLevel());
    if (degree == null) {
      return refused(
          "degree_level",
          "مقطع «"
              + Cells.clean(row.getDegreeLevel())
              + "» شناخته نیست؛ یکی از کارشناسی، کارشناسی ارشد یا دکتری بنویسید.",
          "Unknown degree level; write کارشناسی, کارشناسی ارشد or دکتری.");
    }
    refusal = Cells.text("program", "رشته", row.getProgram(), false, 200);
    if (refusal != null) {
      return new Judgement(null, refusal);
    }
    String year = numberCell(row.getEntryYear()).replace(" ", "");
    refusal = spreadsheetNumberRefusal("entry_year", "سال ورود", year);
    if (refusal != null) {
      return new Judgement(null, refusal);
    }
    if (!DIGITS.matcher(year).matches()
        || year.length() != 4
        || Integer.parseInt(year) < FIRST_ENTRY_YEAR
        || Integer.parseInt(year) > currentYear + 1) {
      return refused(
          "entry_year",
          "سال ورود باید سالی چهاررقمی از ۱۳۰۰ تا "
              + PersianText.toPersianDigits(String.valueOf(currentYear + 1))
              + " (هجری شمسی) باشد.",
          "The entry year must be a Solar Hijri year from 1300 to " + (currentYear + 1) + ".");
    }
    refusal = Cells.text("admission_type", "نوع پذیرش", row.getAdmissionType(), true, 100);
    if (refusal != null) {
      return new Judgement(null, refusal);
    }
    String talent = PersianText.compact(row.getBrilliantTalent());
    if (!YES.contains(talent) && !NO.contains(talent)) {
      return refused(
          "brilliant_talent",
          "ستون استعداد درخشان باید بله یا خیر (true/false، ۱/۰) باشد.",
          "brilliant_talent must be true or false (yes/no, 1/0, بله/خیر).");
    }
    NewStudent student =
        new NewStudent(
            number,
            NationalId.parse(nationalId),
            Cells.clean(row.getFirstName()),
            Cells.clean(row.getLastName()),
            faculty,
            degree,
            Integer.parseInt(year),
            AdmissionType.REMOTE,
            YES.contains(talent));
    AdmissionDetails details =
        new AdmissionDetails(
            emptyToNull(Cells.clean(row.getFatherName())),
            emptyToNull(Cells.clean(row.getProgram())),
            Cells.clean(row.getAdmissionType()));
    return new Judgement(new Candidate(student, details), null);
  }

  /**
   * A cell holding a number as a spreadsheet may have saved it: tidied (digits of any script
   * folded), the text formula or apostrophe that kept it as text unwrapped, a decimal part of zeros
   * dropped.
   */
  static String numberCell(String raw) {
    String value = PersianText.tidy(raw);
    Matcher text = TEXT_FORMULA.matcher(value);
    if (text.matches()) {
      value = PersianText.tidy(text.group(1) != null ? text.group(1) : text.group(2));
    }
    Matcher whole = WHOLE_DECIMAL.matcher(value);
    return whole.matches() ? whole.group(1) : value;
  }

  /**
   * Why a number cell is refused for the way a spreadsheet wrote it (scientific notation, a
   * formula), or null.
   */
  private static Refusal spreadsheetNumberRefusal(String field, String labelFa, String value) {
    if (SCIENTIFIC.matcher(value).matches()) {
      return new Refusal(
          field,
          labelFa
              + " با نماد علمی («"
              + value
              + "») ذخیره شده و رقم‌هایش از دست رفته است؛ در Excel قالب ستون را «Text» کنید و فهرست را دوباره بسازید.",
          field
              + " was saved in scientific notation ("
              + value
              + "), which lost its digits; format the column as Text in the spreadsheet and export"
              + " the list again.");
    }
    if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0) {
      return new Refusal(
          field,
          labelFa + " فرمول صفحه‌گسترده است، نه عدد؛ مقدار خود عدد را بنویسید.",
          field + " is a spreadsheet formula, not a number; write the number itself.");
    }
    return null;
  }

  private static Refusal nationalIdRefusal(String tidied) {
    if (tidied.isEmpty()) {
      return new Refusal("national_id", "کد ملی خالی است.", "The national ID is empty.");
    }
    Refusal spreadsheet = spreadsheetNumberRefusal("national_id", "کد ملی", tidied);
    if (spreadsheet != null) {
      return spreadsheet;
    }
    String typed = tidied.replaceAll("[- ]", "");
    if (!GROUPED_DIGITS.matcher(tidied).matches() || typed.length() < 8 || typed.length() > 10) {
      return new Refusal(
          "national_id", "کد ملی باید ده رقم باشد.", "The national ID must be ten digits.");
    }
    if (typed.chars().distinct().count() == 1
        || ("0".repeat(10 - typed.length()) + typed).chars().distinct().count() == 1) {
      return new Refusal(
          "national_id",
          "کد ملی نمی‌تواند همه یک رقم باشد.",
          "The national ID cannot be one digit repeated.");
    }
    if (NationalId.parse(typed) == null) {
      return new Refusal(
          "national_id",
          "کد ملی نامعتبر است (رقم کنترل نادرست).",
          "The national ID is not valid (check digit mismatch).");
    }
    return null;
  }

  /**
   * The degree from its Persian label as Golestan writes it (joiner or space alike, continuous or
   * not), another name it goes by, or its English name.
   */
  static Degree degree(String raw) {
    return DEGREE_NAMES.get(degreeKey(raw));
  }

  private static String degreeKey(String name) {
    return PersianText.compact(name).replace(".", "");
  }

  private static Map<String, Degree> degreeNames() {
    Map<String, Degree> names = new HashMap<>();
    for (Degree degree : Degree.values()) {
      names.put(degreeKey(degree.labelFa()), degree);
      names.put(degreeKey(degree.name()), degree);
    }
    for (String name :
        List.of(
            "کارشناسی پیوسته", "کارشناسی ناپیوسته", "لیسانس", "bachelor's", "bsc", "bs", "ba")) {
      names.put(degreeKey(name), Degree.BACHELOR);
    }
    for (String name :
        List.of(
            "کارشناسی ارشد پیوسته",
            "کارشناسی ارشد ناپیوسته",
            "ارشد",
            "فوق لیسانس",
            "master's",
            "msc",
            "ms",
            "ma")) {
      names.put(degreeKey(name), Degree.MASTER);
    }
    for (String name : List.of("دکترا", "دکتری تخصصی", "دکترای تخصصی", "phd")) {
      names.put(degreeKey(name), Degree.PHD);
    }
    return Map.copyOf(names);
  }

  /**
   * The code of the one faculty {@code typed} names by its Persian or English name (folded, with or
   * without «دانشکده» or "Faculty of" in front), or null when it names none or several.
   */
  public static String facultyByName(String typed, List<FacultyRef> faculties) {
    String key = facultyKey(typed);
    List<String> named =
        faculties.stream()
            .filter(f -> facultyKey(f.nameFa()).equals(key) || facultyKey(f.nameEn()).equals(key))
            .map(FacultyRef::code)
            .distinct()
            .toList();
    return named.size() == 1 && !key.isEmpty() ? named.get(0) : null;
  }

  private static String facultyKey(String name) {
    String key = PersianText.compact(name);
    for (String prefix : List.of("دانشکده", "facultyof", "faculty")) {
      if (key.startsWith(prefix)) {
        return key.substring(prefix.length());
      }
    }
    return key;
  }

  private static Judgement refused(String field, String fa, String en) {
    return new Judgement(null, new Refusal(field, fa, en));
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
