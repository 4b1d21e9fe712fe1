package app.parvandeh.admission;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.ReviewOutcome;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a check task, derives {@code documentsAccepted} from the decisions stored per
 * document, never from what the form says, and refuses completion while a document has no decision.
 */
@Component("reviewOutcomeListener")
class ReviewOutcomeListener implements TaskListener {

  private final StudentService students;
  private final DocumentService documents;
  private final ReviewTasks reviewTasks;

  ReviewOutcomeListener(
      StudentService students, DocumentService documents, ReviewTasks reviewTasks) {
    this.students = students;
    this.documents = documents;
    this.reviewTasks = reviewTasks;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewStage stage =
        reviewTasks.requireStage(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    Long studentId = students.get(FileKeys.studentNumberOf(task)).id();
    ReviewOutcome outcome = documents.outcome(studentId, stage);
    if (outcome == ReviewOutcome.INCOMPLETE) {
      throw new ProcessEngineException(
          "همه مدارک باید پیش از پایان کار تأیید یا رد شوند."
              + " / Every document needs a decision before the task can be completed.");
    }
    AdmissionVariables variables = AdmissionVariables.of(task);
    variables.documentsAccepted(outcome == ReviewOutcome.ALL_ACCEPTED);
    if (stage == ReviewStage.FACULTY) {
      variables.facultyCheckedBy(FileKeys.actorOf(task));
    }
  }
}
