package app.parvandeh.student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which students' files a user may see, as one value that every list, search and report query takes
 * and applies in its where clause (so a page of results is full, and no query can forget the rule),
 * and that the checks of a single file ask too. A file is in scope when any grant holds: every
 * file; the file's faculty is one of {@code faculties}; {@code clearedFiles} and the file's
 * clearance is complete; or it is the file of the student {@code ownerUserId}. Nothing granted
 * ({@link #NONE}) sees no file. Security's {@code FileAccessPolicy} derives it from the user.
 */
public record FileScope(
    boolean everyFile, Set<String> faculties, boolean clearedFiles, String ownerUserId) {

  public static final FileScope NONE = new FileScope(false, Set.of(), false, null);
  public static final FileScope EVERY_FILE = new FileScope(true, Set.of(), false, null);

  public FileScope {
    faculties = Set.copyOf(faculties);
  }

  /** A student's own file and nothing else. */
  public static FileScope ownFile(String userId) {
    return new FileScope(false, Set.of(), false, userId);
  }

  /**
   * The files of these faculties, and with {@code clearedFiles} every file whose clearance is
   * complete.
   */
  public static FileScope of(Set<String> faculties, boolean clearedFiles) {
    return new FileScope(false, faculties, clearedFiles, null);
  }

  /** Whether no file at all is in scope. */
  public boolean isEmpty() {
    return !everyFile && faculties.isEmpty() && !clearedFiles && ownerUserId == null;
  }

  /** Whether some of this faculty's files may be in scope (a faculty filter a report may offer). */
  public boolean reachesFaculty(String facultyCode) {
    return everyFile || clearedFiles || faculties.contains(facultyCode);
  }

  /**
   * Whether this student's file is in scope; {@code cleared} is asked only when nothing else
   * decides.
   */
  public boolean covers(StudentRef student, Predicate<StudentRef> cleared) {
    return everyFile
        || faculties.contains(student.faculty().code())
        || ownerUserId != null && ownerUserId.equals(student.userId())
        || clearedFiles && cleared.test(student);
  }

  /**
   * The JPQL condition on the student module's own {@code Student} alias {@code s} (its internal
   * queries); bind {@link #parameters()} with it. Other modules' JPQL takes {@link
   * #jpqlOnStudentId}, their SQL {@link #sql}.
   */
  public String jpql(String s) {
    return condition(
        s + ".faculty.code",
        s + ".userId",
        "exists (select c.studentId from ClearedFile c where c.studentId = " + s + ".id)");
  }

  /**
   * The JPQL condition that the student whose id is {@code studentId} (a path of the caller's
   * query, such as {@code r.studentId}) is in scope, without the caller naming the student entity;
   * bind {@link #parameters()} with it.
   */
  public String jpqlOnStudentId(String studentId) {
    return "exists (select scoped.id from Student scoped where scoped.id = "
        + studentId
        + " and "
        + jpql("scoped")
        + ")";
  }

  /**
   * The SQL condition on the {@code student} table alias {@code s}; bind {@link #parameters()} with
   * it.
   */
  public String sql(String s) {
    return condition(
        s + ".faculty_code",
        s + ".user_id",
        "exists (select c.student_id from cleared_file c where c.student_id = " + s + ".id)");
  }

  /** The named parameters {@link #jpql} and {@link #sql} use. */
  public Map<String, Object> parameters() {
    Map<String, Object> parameters = new HashMap<>();
    if (!everyFile && !faculties.isEmpty()) {
      parameters.put("scopeFaculties", faculties);
    }
    if (!everyFile && ownerUserId != null) {
      parameters.put("scopeOwner", ownerUserId);
    }
    return parameters;
  }

  private String condition(String facultyCode, String userId, String cleared) {
    if (everyFile) {
      return "1 = 1";
    }
    List<String> any = new ArrayList<>();
    if (!faculties.isEmpty()) {
      any.add(facultyCode + " in (:scopeFaculties)");
    }
    if (clearedFiles) {
      any.add(cleared);
    }
    if (ownerUserId != null) {
      any.add(userId + " = :scopeOwner");
    }
    return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
  }
}
