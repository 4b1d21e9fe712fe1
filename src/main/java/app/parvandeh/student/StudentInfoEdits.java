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
   * Applies a cohort list's row to an existing file: names, father's name, programme and channel.
   * Returns what changed ({@code field: «old» → «new»}), empty when the row says what the file
   * already says.
   */
  List<String> updateFromCohort(
      String studentNumber,
      String firstName,
      String lastName,
      AdmissionDetails details,
      String actor);
}
