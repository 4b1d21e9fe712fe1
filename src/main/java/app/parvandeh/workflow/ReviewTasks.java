package app.parvandeh.workflow;

import app.parvandeh.document.ReviewStage;
import app.parvandeh.shared.ParvandehException;

/** Which review stage a check task is. */
final class ReviewTasks {

  private ReviewTasks() {}

  static boolean isReviewTask(String taskDefinitionKey) {
    return StudentFileProcess.TASK_CHECK_FACULTY.equals(taskDefinitionKey)
        || StudentFileProcess.TASK_CHECK_CENTRAL.equals(taskDefinitionKey);
  }

  static ReviewStage stageOf(String taskDefinitionKey) {
    if (StudentFileProcess.TASK_CHECK_FACULTY.equals(taskDefinitionKey)) {
      return ReviewStage.FACULTY;
    }
    if (StudentFileProcess.TASK_CHECK_CENTRAL.equals(taskDefinitionKey)) {
      return ReviewStage.CENTRAL;
    }
    throw ParvandehException.badRequest("not-a-review-task",
        "این کار، بررسی مدارک نیست.", "This task is not a document check.");
  }
}
