package app.parvandeh.clearance;

import app.parvandeh.workflow.FileKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A graduates-office clerk completed "record the graduate's request": the request is recorded on
 * the file.
 */
@Component("graduationRequestListener")
class GraduationRequestListener implements TaskListener {

  private final GraduationClearance clearance;

  GraduationRequestListener(GraduationClearance clearance) {
    this.clearance = clearance;
  }

  @Override
  public void notify(DelegateTask task) {
    String clerk = FileKeys.actorOf(task);
    ClearanceVariables.of(task).graduationRequestedBy(clerk);
    clearance.recordGraduationRequest(
        FileKeys.studentNumberOf(task),
        clerk,
        "دانش‌آموخته حضوری در اداره دانش‌آموختگان درخواست مدارک دانش‌آموختگی داد.");
  }
}
