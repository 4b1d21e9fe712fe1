package app.parvandeh.workflow;

import app.parvandeh.security.Groups;
import app.parvandeh.student.StudentRef;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Evaluates the process owner's decision tables ({@code processes/*.dmn}) on a student. Every table
 * gets the same inputs, the student's attributes, so a process owner can write a rule on any of
 * them without a change in Java.
 */
public final class StudentDecisions {

  /** ClearanceGroup.dmn: who clears a file at the end of study. */
  public static final String CLEARANCE_GROUP = "ClearanceGroup";

  public static final String CLEARANCE_GROUP_OUTPUT = "clearanceGroup";

  private StudentDecisions() {}

  /**
   * The student's attributes as the decision tables read them, by these input names: {@code degree}
   * (BACHELOR, MASTER, PHD), {@code entryYear} (solar year), {@code brilliantTalent}, {@code
   * admissionType} (REMOTE, IN_PERSON), {@code admissionChannel} and {@code program} (as Golestan's
   * cohort list writes them), {@code facultyCode} and {@code status} (ACTIVE, GRADUATED, WITHDRAWN,
   * EXPELLED, CLOSED). Enums go by name; a value the file does not have is null, which only a
   * {@code -} entry matches.
   */
  public static VariableMap inputsOf(StudentRef student) {
    return Variables.createVariables()
        .putValue("degree", nameOf(student.degree()))
        .putValue("entryYear", student.entryYear())
        .putValue("brilliantTalent", student.brilliantTalent())
        .putValue("admissionType", nameOf(student.admissionType()))
        .putValue("admissionChannel", student.admissionChannel())
        .putValue("program", student.program())
        .putValue("facultyCode", student.faculty() == null ? null : student.faculty().code())
        .putValue("status", nameOf(student.status()));
  }

  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }

  public static DmnDecisionResult evaluate(
      DecisionService decisions, String decisionKey, StudentRef student) {
    return decisions.evaluateDecisionByKey(decisionKey).variables(inputsOf(student)).evaluate();
  }

  /**
   * The staff group that clears the student's file; a table that names none is an error the owner
   * must fix.
   */
  public static String clearanceGroupOf(DecisionService decisions, StudentRef student) {
    DmnDecisionResultEntries row = evaluate(decisions, CLEARANCE_GROUP, student).getFirstResult();
    Object group = row == null ? null : row.getEntry(CLEARANCE_GROUP_OUTPUT);
    if (group == null || group.toString().isBlank()) {
      throw new IllegalStateException(
          "جدول تصمیم تسویه‌کننده پرونده برای دانشجوی "
              + student.studentNumber()
              + " گروهی تعیین نکرد؛ سطر پیش‌فرض را به جدول برگردانید و دوباره اجرا کنید. / ClearanceGroup.dmn named no "
              + "clearance group for student "
              + student.studentNumber()
              + ": restore its fallback row and retry.");
    }
    boolean ownFaculty =
        student.faculty() != null && group.toString().equals(student.faculty().candidateGroup());
    if (!ownFaculty && !Groups.UNIVERSITY_WIDE.contains(group.toString())) {
      // The table decides who clears the file and reads it: another faculty's group or the
      // process owners, written into an edited table, would hand every file of a degree to them.
      throw new IllegalStateException(
          "جدول تصمیم تسویه‌کننده پرونده برای دانشجوی "
              + student.studentNumber()
              + " گروه «"
              + group
              + "» را داد که نه گروه دانشکدهٔ خود دانشجوست و نه از گروه‌های کاری دانشگاه "
              + Groups.UNIVERSITY_WIDE
              + "؛ جدول را درست کنید و دوباره اجرا کنید. / ClearanceGroup.dmn named the group '"
              + group
              + "' for student "
              + student.studentNumber()
              + ", which is neither the student's own faculty's group nor one of the university-wide"
              + " working groups "
              + Groups.UNIVERSITY_WIDE
              + ": correct the table and retry.");
    }
    return group.toString();
  }
}
