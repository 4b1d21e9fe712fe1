package app.parvandeh.student;

/**
 * A faculty (دانشکده); its clerks form one Camunda group, the candidate group of its students'
 * checks.
 */
public record FacultyRef(String code, String nameFa, String nameEn) {

  /** Faculty clerks' groups are named {@code faculty-<code>}. */
  public static final String GROUP_PREFIX = "faculty-";

  /** The Camunda group of a faculty's clerks. */
  public static String groupOf(String facultyCode) {
    return GROUP_PREFIX + facultyCode;
  }

  /** The Camunda group of this faculty's clerks. */
  public String candidateGroup() {
    return groupOf(code);
  }
}
