package app.parvandeh.workflow;

import app.parvandeh.note.NoteService;
import app.parvandeh.student.StudentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the registration-complete note (Golestan 10730) in the name of the faculty clerk who
 * checked.
 */
@Component("recordRegistrationCompleteNoteDelegate")
class RecordRegistrationCompleteNoteDelegate implements JavaDelegate {

  static final String SYSTEM_AUTHOR = "system";

  private final StudentService students;
  private final NoteService notes;

  RecordRegistrationCompleteNoteDelegate(StudentService students, NoteService notes) {
    this.students = students;
    this.notes = notes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long studentId = students.get(FileKeys.studentNumberOf(execution)).id();
    Object checkedBy = execution.getVariable(StudentFileProcess.VAR_FACULTY_CHECKED_BY);
    notes.recordRegistrationComplete(
        studentId, checkedBy == null ? SYSTEM_AUTHOR : checkedBy.toString());
  }
}
