package app.parvandeh.admission;

import app.parvandeh.note.NoteService;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the registration-complete note (Golestan 10730) in the name of the faculty clerk who
 * checked.
 */
@Component("recordRegistrationCompleteNoteDelegate")
class RecordRegistrationCompleteNoteDelegate implements JavaDelegate {

  private final StudentService students;
  private final NoteService notes;

  RecordRegistrationCompleteNoteDelegate(StudentService students, NoteService notes) {
    this.students = students;
    this.notes = notes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long studentId = students.get(FileKeys.studentNumberOf(execution)).id();
    notes.recordRegistrationComplete(
        studentId, AdmissionVariables.of(execution).facultyCheckedBy());
  }
}
