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
    InputParameters input = InputParameters.of(execution);
    NoteKind kind = NoteKind.valueOf(input.get(INPUT_KIND));
    String author = input.get(INPUT_AUTHOR);
    notes.record(
        studentId,
        kind,
        input.get(INPUT_BODY),
        author == null ? FileKeys.SYSTEM_AUTHOR : author,
        List.of(),
        idempotencyKey(execution));
  }

  static String idempotencyKey(DelegateExecution execution) {
    String suffix = InputParameters.of(execution).get(INPUT_KEY_SUFFIX);
    return "pi:"
        + execution.getProcessInstanceId()
        + ":"
        + execution.getCurrentActivityId()
        + (suffix == null ? "" : ":" + suffix);
  }
}
