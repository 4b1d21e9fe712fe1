package app.parvandeh.student.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.SpreadsheetCsv;
import app.parvandeh.shared.UserText;
import app.parvandeh.shared.UserText.Field;
import app.parvandeh.student.AdmissionDetails;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NationalId;
import app.parvandeh.student.StudentInfoEdits;
import app.parvandeh.student.StudentInfoEdits.Change;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentRenamed;
import app.parvandeh.student.StudentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The student module's {@link StudentInfoEdits}, over its entity. */
@Service
class JpaStudentInfoEdits implements StudentInfoEdits {

  private final StudentRepository students;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  JpaStudentInfoEdits(
      StudentRepository students, AuditLog audit, ApplicationEventPublisher events) {
    this.students = students;
    this.audit = audit;
    this.events = events;
  }

  @Override
  @Transactional
  public StudentRef edit(
      String studentNumber, Long basedOnVersion, StudentInfo info, String actor) {
    Student student =
        students
            .findByStudentNumber(studentNumber)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "student-not-found",
                        "دانشجویی با این شماره پیدا نشد.",
                        "No student with this number."));
    if (basedOnVersion == null) {
      throw ParvandehException.badRequest(
          "row-version-required",
          "نسخه‌ای از پرونده که ویرایش کرده‌اید (rowVersion) فرستاده نشده است.",
          "Send the rowVersion of the file you edited.");
    }
    if (basedOnVersion != student.getRowVersion()) {
      throw ParvandehException.conflict(
          "version-conflict",
          "هم‌زمان کاربر دیگری این پرونده را تغییر داده است؛ صفحه را تازه کنید و دوباره تلاش کنید.",
          "Someone else changed this file meanwhile; reload and try again.");
    }
    String firstName = name(info.firstName(), FIRST_NAME);
    String lastName = name(info.lastName(), LAST_NAME);
    String nationalId = NationalId.read(info.nationalId()).digitsOrRefuse("invalid-national-id");
    // Another file may hold this national ID: the same person admitted again for a higher degree.
    Degree degree = info.degree() == null ? student.getDegree() : info.degree();
    if (student.getStatus() == StudentStatus.ACTIVE
        && (!nationalId.equals(student.getNationalId()) || degree != student.getDegree())) {
      checkNoOtherActiveFile(students, nationalId, degree, student.getId());
    }
    List<Change> changes = new ArrayList<>();
    change(changes, "firstName", student.getFirstName(), firstName);
    change(changes, "lastName", student.getLastName(), lastName);
    change(changes, "nationalId", student.getNationalId(), nationalId);
    change(changes, "degree", student.getDegree().name(), degree.name());
    boolean renamed =
        !firstName.equals(student.getFirstName()) || !lastName.equals(student.getLastName());
    if (!changes.isEmpty()) {
      student.changeInfo(firstName, lastName, nationalId, degree);
      students.flush();
      audit.change(actor, AuditAction.FILE_EDITED, student.getId(), null, described(changes));
    }
    if (renamed) {
      events.publishEvent(new StudentRenamed(student.getUserId(), firstName, lastName));
    }
    return student.ref();
  }

  @Override
  @Transactional
  public List<Change> updateFromCohort(
      String studentNumber,
      String firstName,
      String lastName,
      AdmissionDetails details,
      String actor) {
    Student student =
        students
            .findByStudentNumber(studentNumber)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "student-not-found",
                        "دانشجویی با این شماره پیدا نشد.",
                        "No student with this number."));
    checkNames(firstName, lastName, details);
    firstName = kept(student.getFirstName(), firstName);
    lastName = kept(student.getLastName(), lastName);
    details =
        new AdmissionDetails(
            kept(student.getFatherName(), details.fatherName()),
            kept(student.getProgram(), details.program()),
            kept(student.getAdmissionChannel(), details.admissionChannel()));
    List<Change> changes = new ArrayList<>();
    change(changes, "firstName", student.getFirstName(), firstName);
    change(changes, "lastName", student.getLastName(), lastName);
    change(changes, "fatherName", student.getFatherName(), details.fatherName());
    change(changes, "program", student.getProgram(), details.program());
    change(changes, "admissionChannel", student.getAdmissionChannel(), details.admissionChannel());
    if (changes.isEmpty()) {
      return changes;
    }
    boolean renamed =
        !firstName.equals(student.getFirstName()) || !lastName.equals(student.getLastName());
    student.changeDetails(firstName, lastName, details);
    students.flush();
    audit.change(
        actor,
        AuditAction.FILE_EDITED,
        student.getId(),
        null,
        "cohort list: " + described(changes));
    if (renamed) {
      events.publishEvent(new StudentRenamed(student.getUserId(), firstName, lastName));
    }
    return changes;
  }

  /** student.first_name and student.last_name. */
  static final Field FIRST_NAME = Field.name("first-name", "نام", "first name", 100);

  static final Field LAST_NAME = Field.name("last-name", "نام خانوادگی", "last name", 100);

  /** student.father_name. */
  static final Field FATHER_NAME = Field.name("father-name", "نام پدر", "father name", 100);

  /**
   * The names a cohort row brings, checked the same way whether the row opens a file or corrects
   * one: a name with a control or text-direction character is refused on both paths.
   */
  static void checkNames(String firstName, String lastName, AdmissionDetails details) {
    name(firstName, FIRST_NAME);
    name(lastName, LAST_NAME);
    lettersKept(UserText.clean(details.fatherName(), FATHER_NAME), FATHER_NAME);
  }

  /**
   * Refuses what is no person's name, through every door alike: a name where a letter was lost in
   * saving ({@link PersianText#lostLetter}), one that starts as a spreadsheet formula (= + - @: it
   * would run when a clerk opens an export), or one without a letter (12345, a dot).
   */
  private static String lettersKept(String name, Field field) {
    int lost = PersianText.lostLetter(name);
    if (lost >= 0) {
      throw ParvandehException.badRequest(
          field.code() + "-lost-letters",
          "«"
              + field.nameFa()
              + "» نویسهٔ «"
              + (char) lost
              + "» دارد: حرفی که هنگام ذخیرهٔ فهرست یا فرم از دست رفته است. نام را درست بنویسید"
              + " (فهرست را با «CSV UTF-8» ذخیره کنید).",
          "The "
              + field.nameEn()
              + " holds \""
              + (char) lost
              + "\": a letter lost when the list or form was saved. Write the name again (save a"
              + " list as \"CSV UTF-8\").");
    }
    if (SpreadsheetCsv.startsLikeFormula(name)) {
      throw ParvandehException.badRequest(
          field.code() + "-formula",
          "«" + field.nameFa() + "» مانند فرمول صفحه‌گسترده آغاز می‌شود (= + - @) و پذیرفته نیست.",
          "The " + field.nameEn() + " starts like a spreadsheet formula (= + - @) and is refused.");
    }
    if (!name.isEmpty() && name.codePoints().noneMatch(Character::isLetter)) {
      throw ParvandehException.badRequest(
          field.code() + "-without-letters",
          "«" + field.nameFa() + "» حرفی ندارد.",
          "The " + field.nameEn() + " has no letter.");
    }
    return name;
  }

  /**
   * Refuses (409) a file for a person who has another active file at the same degree: a second file
   * of one person is for another degree, or after the first is closed (a withdrawal, a graduation);
   * the same person twice at one degree is a repeated row or a typo. {@code exceptId} is the file
   * being edited, or null for a new one.
   */
  static void checkNoOtherActiveFile(
      StudentRepository students, String nationalId, Degree degree, Long exceptId) {
    students.filesOfPerson(nationalId, degree, StudentStatus.ACTIVE).stream()
        .filter(other -> !other.getId().equals(exceptId))
        .findFirst()
        .ifPresent(
            other -> {
              throw ParvandehException.conflict(
                  "person-has-active-file",
                  "این شخص (همین کد ملی) هم‌اکنون پرونده فعالی در همین مقطع دارد، با شماره دانشجویی "
                      + PersianText.toPersianDigits(other.getStudentNumber())
                      + ". پرونده دوم فقط برای مقطعی دیگر یا پس از بسته شدن پرونده پیشین باز می‌شود.",
                  "This person (the same national ID) already has an active file at this degree,"
                      + " student number "
                      + other.getStudentNumber()
                      + ". A second file is opened only for another degree or once the earlier"
                      + " file is closed.");
            });
  }

  /** The name as it is stored: checked, then tidied as {@link Student} keeps every name. */
  static String name(String typed, Field field) {
    String value = PersianText.tidy(lettersKept(UserText.clean(typed, field), field));
    if (value.isEmpty()) {
      throw ParvandehException.badRequest(
          "name-required",
          "نام و نام خانوادگی را (حداکثر ۱۰۰ نویسه) بنویسید.",
          "First and last name are required (at most 100 characters).");
    }
    return value;
  }

  /**
   * What a later list makes of a stored value: its own spelling, so a correction made in Golestan
   * (ة to ه, a joiner for a space, a diacritic dropped, a letter's case) reaches the file; both are
   * tidied alike, so Arabic ي/ك, digits and stray spaces make no change. A blank cell changes
   * nothing: a list that leaves the father's name or the programme out does not erase it.
   */
  private static String kept(String stored, String listed) {
    return listed == null || listed.isBlank() ? stored : PersianText.tidy(listed);
  }

  private static void change(List<Change> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(new Change(field, before, after));
    }
  }

  /** The changes as the audit trail keeps them. */
  private static String described(List<Change> changes) {
    return changes.stream().map(c -> c.describe("(none)")).collect(Collectors.joining("; "));
  }
}
