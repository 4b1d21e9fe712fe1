package app.parvandeh.student;

import java.util.List;

/**
 * Corrects a file's information (names, national ID, degree). The edit names the row version it was
 * based on, so two clerks never overwrite each other, and the audit trail keeps every old → new
 * value.
 */
public interface StudentInfoEdits {

  /** The editable information; national ID digits may be Persian. */
  record StudentInfo(String firstName, String lastName, String nationalId, Degree degree) {}

  StudentRef edit(String studentNumber, Long basedOnVersion, StudentInfo info, String actor);

  /**
   * A field of a file that an edit changed, from {@code before} to {@code after}; either may be
   * null (the file or the list had none).
   */
  record Change(String field, String before, String after) {

    /**
     * {@code field: «old» → «new»}, with {@code none} (e.g. «(خالی)» or "(none)") for a value that
     * was absent.
     */
    public String describe(String none) {
      return field + ": " + quoted(before, none) + " → " + quoted(after, none);
    }

    private static String quoted(String value, String none) {
      return value == null ? none : "«" + value + "»";
    }
  }

  /**
   * Applies a cohort list's row to an existing file: names, father's name, programme and channel.
   * Returns what changed, empty when the row says what the file already says.
   */
  List<Change> updateFromCohort(
      String studentNumber,
      String firstName,
      String lastName,
      AdmissionDetails details,
      String actor);
}
