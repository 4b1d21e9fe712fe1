package app.parvandeh.workflow;

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
    String clerk =
        task.getAssignee() == null
            ? RecordRegistrationCompleteNoteDelegate.SYSTEM_AUTHOR
            : task.getAssignee();
    task.setVariable(StudentFileProcess.VAR_GRADUATION_REQUESTED_BY, clerk);
    clearance.recordGraduationRequest(
        FileKeys.studentNumberOf(task),
        clerk,
        "دانش‌آموخته حضوری در اداره دانش‌آموختگان درخواست مدارک دانش‌آموختگی داد.");
  }
}
