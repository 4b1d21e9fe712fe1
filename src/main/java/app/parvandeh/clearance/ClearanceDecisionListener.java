package app.parvandeh.clearance;

import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing the central clearance check: the clerk must say complete, or say what is missing;
 * what is missing is recorded on the file as a note for the faculty, and the checking clerk is
 * remembered for the record.
 */
@Component("clearanceDecisionListener")
class ClearanceDecisionListener implements TaskListener {

  private final StudentService students;
  private final NoteService notes;

  ClearanceDecisionListener(StudentService students, NoteService notes) {
    this.students = students;
    this.notes = notes;
  }

  @Override
  public void notify(DelegateTask task) {
    ClearanceVariables variables = ClearanceVariables.of(task);
    Boolean complete = variables.fileComplete();
    if (complete == null) {
      throw new ProcessEngineException(
          "مشخص کنید پرونده کامل است یا کسری دارد."
              + " / Say whether the file is complete (fileComplete) before completing the task.");
    }
    String missing = variables.missingItems();
    String missingText = missing == null ? "" : missing.strip();
    if (!complete && missingText.isEmpty()) {
      throw new ProcessEngineException(
          "کسری‌های پرونده و دلیل آن را برای دانشکده بنویسید."
              + " / List what is missing (missingItems) for the faculty.");
    }
    String clerk = FileKeys.actorOf(task);
    variables.clearanceCheckedBy(clerk);
    if (!complete) {
      Long studentId = students.get(FileKeys.studentNumberOf(task)).id();
      notes.record(
          studentId,
          NoteKind.CLEARANCE_MISSING,
          "کسری پرونده برای تسویه: " + missingText,
          clerk,
          List.of(),
          "task:" + task.getId());
    }
  }
}
