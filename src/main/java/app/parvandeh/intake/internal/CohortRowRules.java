package app.parvandeh.intake.internal;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.AdmissionDetails;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NationalId;
import app.parvandeh.student.NewStudent;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules one cohort row must meet on its own, column by column in header order; the first broken
 * rule is the row's reason. Digits of any script and Arabic letter forms are folded before a rule
 * looks.
 */
public final class CohortRowRules {

  /** The header of a cohort list, in the order the rules look at the columns. */
  public static final java.util.List<String> COLUMNS =
      java.util.List.of(
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
   * Judges the row. {@code knownFaculty} says whether a faculty code exists; {@code currentYear} is
   * this Solar Hijri year, so next year's entrants (imported early) pass and a typed 1499 does not.
   */
  public static Judgement judge(CohortRow row, Predicate<String> knownFaculty, int currentYear) {
    String number = PersianText.tidy(row.getStudentNumber()).replace(" ", "");
    if (number.isEmpty()) {
      return refused("student_number", "شماره دانشجویی خالی است.", "The student number is empty.");
    }
    if (!DIGITS.matcher(number).matches() || number.length() < 5 || number.length() > 20) {
      return refused(
          "student_number",
          "شماره دانشجویی باید فقط رقم (۵ تا ۲۰ رقم) باشد.",
          "The student number must be 5 to 20 digits.");
    }
    Refusal refusal = nationalIdRefusal(row.getNationalId());
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
    String faculty = Cells.clean(row.getFacultyCode()).toLowerCase(Locale.ROOT);
    if (faculty.isEmpty() || !knownFaculty.test(faculty)) {
      return refused(
          "faculty_code",
          "دانشکده «" + faculty + "» در فهرست دانشکده‌ها نیست.",
          "The faculty '" + faculty + "' is not in the faculty list.");
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
    String year = PersianText.tidy(row.getEntryYear()).replace(" ", "");
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
    String talent = Cells.clean(row.getBrilliantTalent()).toLowerCase(Locale.ROOT);
    if (!talent.equals("true") && !talent.equals("false")) {
      return refused(
          "brilliant_talent",
          "ستون استعداد درخشان باید true یا false باشد.",
          "brilliant_talent must be true or false.");
    }
    NewStudent student =
        new NewStudent(
            number,
            NationalId.parse(row.getNationalId()),
            Cells.clean(row.getFirstName()),
            Cells.clean(row.getLastName()),
            faculty,
            degree,
            Integer.parseInt(year),
            AdmissionType.REMOTE,
            talent.equals("true"));
    AdmissionDetails details =
        new AdmissionDetails(
            emptyToNull(Cells.clean(row.getFatherName())),
            emptyToNull(Cells.clean(row.getProgram())),
            Cells.clean(row.getAdmissionType()));
    return new Judgement(new Candidate(student, details), null);
  }

  private static Refusal nationalIdRefusal(String raw) {
    String tidied = PersianText.tidy(raw);
    if (tidied.isEmpty()) {
      return new Refusal("national_id", "کد ملی خالی است.", "The national ID is empty.");
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
   * The degree from its Persian label as Golestan writes it (joiner or space alike), or its English
   * name.
   */
  static Degree degree(String raw) {
    String typed = PersianText.compact(raw);
    for (Degree degree : Degree.values()) {
      if (PersianText.compact(degree.labelFa()).equals(typed)
          || degree.name().equalsIgnoreCase(typed)) {
        return degree;
      }
    }
    return null;
  }

  private static Judgement refused(String field, String fa, String en) {
    return new Judgement(null, new Refusal(field, fa, en));
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
