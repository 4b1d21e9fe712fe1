package app.parvandeh.security;

import app.parvandeh.student.FacultyRef;
import java.util.List;

/**
 * The Camunda groups Parvandeh's roles map to (faculty clerks have one group per faculty:
 * faculty-CODE).
 */
public final class Groups {

  public static final String STUDENTS = "students";
  public static final String CENTRAL_ADMISSION = "central-admission";
  public static final String CENTRAL_RECORDS = "central-records";
  public static final String GRADUATE_STUDIES = "graduate-studies";
  public static final String GRADUATES_OFFICE = "graduates-office";
  public static final String MANAGERS = "managers";
  public static final String PROCESS_OWNERS = "process-owners";

  /** Camunda's own administrators group, which Camunda Admin recognises. */
  public static final String ADMINS = "camunda-admin";

  public static final String FACULTY_PREFIX = FacultyRef.GROUP_PREFIX;

  /**
   * Groups that work across every faculty (Tasklist, their own stage's work). All but the graduates
   * office see every file ({@link #ALL_FILES}); the graduates office sees only files whose
   * clearance is complete.
   */
  public static final List<String> UNIVERSITY_WIDE =
      List.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, GRADUATES_OFFICE, MANAGERS);

  /** Groups that see every student's file. */
  public static final List<String> ALL_FILES =
      List.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, MANAGERS);

  /** University-wide groups that also work on files (managers only read). */
  public static final List<String> CENTRAL =
      List.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, GRADUATES_OFFICE);

  /** Groups that read a student's audit trail. */
  public static final List<String> AUDIT_READERS =
      List.of(MANAGERS, CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES);

  /**
   * Groups that open Cockpit ({@code CamundaAuthorizations} grants them its access; admins have
   * every grant), and so the engine-wide counts its dashboards show.
   */
  public static final List<String> COCKPIT_USERS = List.of(MANAGERS, PROCESS_OWNERS, ADMINS);

  /**
   * Groups whose members change files; a user in none of them (managers, process owners, admins)
   * only reads /api.
   */
  static boolean changesFiles(String group) {
    return group.equals(STUDENTS) || group.startsWith(FACULTY_PREFIX) || CENTRAL.contains(group);
  }

  private Groups() {}

  /** Fixed groups with their Persian names, created at start-up in every profile. */
  static final List<String[]> FIXED =
      List.of(
          new String[] {STUDENTS, "دانشجویان"},
          new String[] {CENTRAL_ADMISSION, "کارشناسان واحد پذیرش ستاد"},
          new String[] {CENTRAL_RECORDS, "کارشناسان مدیریت خدمات آموزشی"},
          new String[] {GRADUATE_STUDIES, "کارشناسان مدیریت تحصیلات تکمیلی"},
          new String[] {GRADUATES_OFFICE, "اداره دانش‌آموختگان"},
          new String[] {MANAGERS, "مدیران"},
          new String[] {PROCESS_OWNERS, "مالکان فرایند"},
          new String[] {ADMINS, "مدیران سامانه"});
}
