package app.parvandeh.security;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.StudentRef;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which student's file: the student their own, a faculty clerk their
 * faculty's, central groups every file, the graduates office files whose clearance is complete;
 * managers read everything and change nothing; process owners and admins see no student file.
 */
@Component
public class FileAccessPolicy {

  /** Central groups that keep and correct files of every faculty. */
  static final List<String> FILE_KEEPERS =
      List.of(Groups.CENTRAL_ADMISSION, Groups.CENTRAL_RECORDS, Groups.GRADUATE_STUDIES);

  private final ClearanceRecords clearance;

  public FileAccessPolicy(ClearanceRecords clearance) {
    this.clearance = clearance;
  }

  /**
   * The files this user may see, which every list, search and report applies in its query: a
   * student their own, a faculty clerk their faculties', the central groups and managers every
   * file, the graduates office the files whose clearance is complete (and a clerk of a faculty too
   * theirs); anyone else none.
   */
  public FileScope scope(CurrentUser user) {
    if (user.isStudent()) {
      return FileScope.ownFile(user.id());
    }
    if (user.inAny(Groups.ALL_FILES)) {
      return FileScope.EVERY_FILE;
    }
    return FileScope.of(
        user.groups().stream()
            .filter(g -> g.startsWith(Groups.FACULTY_PREFIX))
            .map(g -> g.substring(Groups.FACULTY_PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet()),
        user.groups().contains(Groups.GRADUATES_OFFICE));
  }

  public boolean canView(CurrentUser user, StudentRef student) {
    return scope(user).covers(student, s -> clearance.clearanceComplete(s.id()));
  }

  public void checkView(CurrentUser user, StudentRef student) {
    if (!canView(user, student)) {
      throw ParvandehException.forbidden(
          "شما به پرونده این دانشجو دسترسی ندارید.", "You may not access this student's file.");
    }
  }

  /**
   * Who may change a file (create documents, edit, delete for correction): the clerks of the
   * student's faculty and the central units that keep files; managers and the graduates office only
   * look, students never change.
   */
  public boolean canChange(CurrentUser user, StudentRef student) {
    if (user.isStudent()) {
      return false;
    }
    return user.groups().contains(student.faculty().candidateGroup()) || user.inAny(FILE_KEEPERS);
  }

  public void checkChange(CurrentUser user, StudentRef student) {
    if (!canChange(user, student)) {
      throw ParvandehException.forbidden(
          "شما اجازه تغییر پرونده این دانشجو را ندارید.",
          "You may not change this student's file.");
    }
  }

  /**
   * The end of study (graduation, withdrawal, expulsion) is recorded by the student's faculty or by
   * the central unit that clears the file (education services or graduate studies), as Golestan
   * would signal it.
   */
  public void checkRecordStudyEnd(CurrentUser user, StudentRef student) {
    if (user.isStudent()
        || !user.groups().contains(student.faculty().candidateGroup())
            && !user.inAny(java.util.List.of(Groups.CENTRAL_RECORDS, Groups.GRADUATE_STUDIES))) {
      throw ParvandehException.forbidden(
          "پایان تحصیل را کارشناس دانشکده یا واحد تسویه ستاد ثبت می‌کند.",
          "The end of study is recorded by the faculty or by the central unit that clears the file.");
    }
  }

  /** A new file: by the central admission unit, or by a faculty clerk for their own faculty. */
  public void checkCreate(CurrentUser user, String facultyCode) {
    if (user.isStudent()
        || !user.groups().contains(Groups.CENTRAL_ADMISSION)
            && !user.groups().contains(Groups.FACULTY_PREFIX + facultyCode)) {
      throw ParvandehException.forbidden(
          "ایجاد پرونده ویژه واحد پذیرش ستاد و کارشناس همان دانشکده است.",
          "Only the central admission unit, or a clerk of that faculty, creates a file.");
    }
  }

  /** The audit trail is read by managers and the central units, never changed by anyone. */
  public boolean canReadAudit(CurrentUser user) {
    return user.inAny(Groups.AUDIT_READERS);
  }

  /** A file's export (one bag or many) carries the audit trail: for the audit trail's readers. */
  public void checkExport(CurrentUser user) {
    if (!canReadAudit(user)) {
      throw ParvandehException.forbidden(
          "خروجی پرونده سابقه رویدادها را هم دارد و ویژه مدیران و واحدهای ستادی است.",
          "A file export contains the audit trail: it is for managers and the central units.");
    }
  }

  public void checkReadAudit(CurrentUser user) {
    if (!canReadAudit(user)) {
      throw ParvandehException.forbidden(
          "خواندن سابقه رویدادهای پرونده ویژه مدیران و واحدهای ستادی است.",
          "The audit trail is for managers and the central units.");
    }
  }

  /** Admission documents are uploaded by the student themself, into their own file only. */
  public void checkStudentUpload(CurrentUser user, StudentRef student) {
    if (!user.isStudent() || !user.id().equals(student.userId())) {
      throw ParvandehException.forbidden(
          "فقط خود دانشجو مدارک پذیرش را در پرونده خود بارگذاری می‌کند.",
          "Only the student uploads admission documents, and only into their own file.");
    }
  }
}
