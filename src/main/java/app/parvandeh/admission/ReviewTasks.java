package app.parvandeh.admission;

import app.parvandeh.document.ReviewStage;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.workflow.ModelProperties;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which review stage a check task is, as its model says: the extension property {@value
 * ModelProperties#REVIEW_STAGE} ({@code FACULTY} or {@code CENTRAL}) on the user task.
 */
@Component
class ReviewTasks {

  /**
   * The checks of versions deployed before the model said their stage; their running files must
   * keep working.
   */
  private static final Map<String, ReviewStage> BEFORE_THE_PROPERTY =
      Map.of(
          StudentFileProcess.TASK_CHECK_FACULTY, ReviewStage.FACULTY,
          StudentFileProcess.TASK_CHECK_CENTRAL, ReviewStage.CENTRAL);

  private final ModelProperties model;

  ReviewTasks(ModelProperties model) {
    this.model = model;
  }

  /** The stage of the task, if it is a document check. */
  Optional<ReviewStage> stageOf(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return Optional.empty();
    }
    if (!model.declares(processDefinitionId, ModelProperties.REVIEW_STAGE)) {
      return Optional.ofNullable(BEFORE_THE_PROPERTY.get(taskDefinitionKey));
    }
    return model
        .value(processDefinitionId, taskDefinitionKey, ModelProperties.REVIEW_STAGE)
        .map(value -> stage(taskDefinitionKey, value));
  }

  /** The stage of a task that must be a document check. */
  ReviewStage requireStage(String processDefinitionId, String taskDefinitionKey) {
    return stageOf(processDefinitionId, taskDefinitionKey)
        .orElseThrow(
            () ->
                ParvandehException.badRequest(
                    "not-a-review-task",
                    "این کار، بررسی مدارک نیست.",
                    "This task is not a document check."));
  }

  private static ReviewStage stage(String taskDefinitionKey, String value) {
    try {
      return ReviewStage.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "مرحله بررسی «"
              + value
              + "» در مدل برای گام "
              + taskDefinitionKey
              + " نامعتبر است؛ آن را FACULTY یا CENTRAL کنید. / The model gives step "
              + taskDefinitionKey
              + " the unknown reviewStage '"
              + value
              + "': use FACULTY or CENTRAL.",
          e);
    }
  }
}
