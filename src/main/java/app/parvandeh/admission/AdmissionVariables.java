package app.parvandeh.admission;

import static app.parvandeh.workflow.StudentFileProcess.VAR_BATCH_DOCUMENTS_IN_FILE;
import static app.parvandeh.workflow.StudentFileProcess.VAR_DOCUMENTS_ACCEPTED;
import static app.parvandeh.workflow.StudentFileProcess.VAR_FACULTY_CHECKED_BY;
import static app.parvandeh.workflow.StudentFileProcess.VAR_FACULTY_GROUP;
import static app.parvandeh.workflow.StudentFileProcess.VAR_STUDENT_NUMBER;
import static app.parvandeh.workflow.StudentFileProcess.VAR_STUDENT_USER_ID;

import app.parvandeh.workflow.FileKeys;
import app.parvandeh.workflow.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** The admission part's variables of StudentFileProcess, typed. */
final class AdmissionVariables extends ProcessVariables {

  private AdmissionVariables(VariableScope scope) {
    super(scope);
  }

  private AdmissionVariables(Map<String, Object> variables) {
    super(variables);
  }

  static AdmissionVariables of(VariableScope scope) {
    return new AdmissionVariables(scope);
  }

  /**
   * What a new file starts with: whose it is (for Tasklist's columns; the business key is what is
   * trusted), the student's login for their tasks and the faculty group that checks it.
   */
  static VariableMap opening(String studentNumber, String studentUserId, String facultyGroup) {
    VariableMap variables = Variables.createVariables();
    AdmissionVariables opening = new AdmissionVariables(variables);
    opening.set(VAR_STUDENT_NUMBER, studentNumber);
    opening.set(VAR_STUDENT_USER_ID, studentUserId);
    opening.set(VAR_FACULTY_GROUP, facultyGroup);
    return variables;
  }

  /** The faculty clerk who checked the documents, or the system when none is named. */
  String facultyCheckedBy() {
    return textOr(VAR_FACULTY_CHECKED_BY, FileKeys.SYSTEM_AUTHOR);
  }

  void facultyCheckedBy(String clerk) {
    set(VAR_FACULTY_CHECKED_BY, clerk);
  }

  /** Whether the check accepted every document (derived from the stored decisions). */
  void documentsAccepted(boolean accepted) {
    set(VAR_DOCUMENTS_ACCEPTED, accepted);
  }

  /** Whether every batch-supplied document (exam card, report card) is in the file. */
  void batchDocumentsInFile(boolean inFile) {
    set(VAR_BATCH_DOCUMENTS_IN_FILE, inFile);
  }
}
