package app.parvandeh.workflow;

import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.student.StudentService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a note on the file, as the model says with input parameters {@code noteKind}, {@code
 * noteBody} and optionally {@code noteAuthor} and {@code noteKeySuffix}. The note's idempotency key
 * is the process instance and activity (plus the suffix), so a retried job finds the first note
 * instead of writing a second.
 */
@Component("recordFileNoteDelegate")
class RecordFileNoteDelegate implements JavaDelegate {

  static final String INPUT_KIND = "noteKind";
  static final String INPUT_BODY = "noteBody";
  static final String INPUT_AUTHOR = "noteAuthor";
  static final String INPUT_KEY_SUFFIX = "noteKeySuffix";

  private final StudentService students;
  private final NoteService notes;

  RecordFileNoteDelegate(StudentService students, NoteService notes) {
    this.students = students;
    this.notes = notes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long studentId = students.get(FileKeys.studentNumberOf(execution)).id();
    NoteKind kind = NoteKind.valueOf((String) execution.getVariableLocal(INPUT_KIND));
    Object author = execution.getVariableLocal(INPUT_AUTHOR);
    notes.record(
        studentId,
        kind,
        (String) execution.getVariableLocal(INPUT_BODY),
        author == null ? RecordRegistrationCompleteNoteDelegate.SYSTEM_AUTHOR : author.toString(),
        List.of(),
        idempotencyKey(execution));
  }

  static String idempotencyKey(DelegateExecution execution) {
    Object suffix = execution.getVariableLocal(INPUT_KEY_SUFFIX);
    return "pi:"
        + execution.getProcessInstanceId()
        + ":"
        + execution.getCurrentActivityId()
        + (suffix == null ? "" : ":" + suffix);
  }
}
