package app.parvandeh.intake.internal;

import static java.util.Map.entry;

import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.TypedNumbers;
import app.parvandeh.shared.TypedNumbers.Reading;
import app.parvandeh.student.AdmissionDetails;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.NationalId;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
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
   * Each column's Persian name, as the import page and its refusals call it; {@code row} is a
   * refusal of the whole row (its cells moved).
   */
  public static final Map<String, String> COLUMN_NAMES =
      Map.ofEntries(
          entry("student_number", "شماره دانشجویی"),
          entry("national_id", "کد ملی"),
          entry("first_name", "نام"),
          entry("last_name", "نام خانوادگی"),
          entry("father_name", "نام پدر"),
          entry("faculty_code", "دانشکده"),
          entry("degree_level", "مقطع"),
          entry("program", "رشته"),
          entry("entry_year", "سال ورود"),
          entry("admission_type", "نوع پذیرش"),
          entry("brilliant_talent", "استعداد درخشان"),
          entry("row", "کل ردیف"));

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

  private static final Set<String> NO = Set.of("false", "0", "no", "خیر", "نخیر", "نه", "ندارد");

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private CohortRowRules() {}

  private static Refusal refusal(String field, Reading reading) {
    return new Refusal(field, reading.reasonFa(), reading.reasonEn());
  }

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
    Reading numberRead = StudentNumber.read(row.getStudentNumber());
    if (!numberRead.valid()) {
      return new Judgement(null, refusal("student_number", numberRead));
    }
    String number = numberRead.digits();
    Refusal refusal;
    Reading nationalId = NationalId.read(row.getNationalId());
    refusal = nationalId.valid() ? null : refusal("national_id", nationalId);
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
    String year = TypedNumbers.unwrap(row.getEntryYear()).replace(" ", "");
    Reading spreadsheet = TypedNumbers.spreadsheetProblem("سال ورود", "The entry year", year);
    if (spreadsheet != null) {
      return new Judgement(null, refusal("entry_year", spreadsheet));
    }
    Reading yearProblem =
        DIGITS.matcher(year).matches() && year.length() == 4
            ? NewStudent.entryYearProblem(Integer.parseInt(year), currentYear)
            : NewStudent.entryYearProblem(0, currentYear);
    if (yearProblem != null) {
      return new Judgement(null, refusal("entry_year", yearProblem));
    }
    refusal = Cells.text("admission_type", "نوع پذیرش", row.getAdmissionType(), true, 100);
    if (refusal != null) {
      return new Judgement(null, refusal);
    }
    String talent = PersianText.compact(TypedNumbers.unwrap(row.getBrilliantTalent()));
    if (!YES.contains(talent) && !NO.contains(talent)) {
      return refused(
          "brilliant_talent",
          "ستون استعداد درخشان باید بله یا خیر (true/false، ۱/۰) باشد.",
          "brilliant_talent must be true or false (yes/no, 1/0, بله/خیر).");
    }
    NewStudent student =
        new NewStudent(
            number,
            nationalId.digits(),
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
    // «دانشکدهٔ …», «دانشکدۀ …» and «دانشکده‌ی …» are the same word with its ezafe.
    for (String prefix : List.of("دانشکدۀ", "دانشکدهی", "دانشکده", "facultyof", "faculty")) {
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
