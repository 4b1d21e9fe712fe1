package app.parvandeh.workflow;

import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the file to the stage named by the task's {@code targetStage} input parameter. */
@Component("changeFileStageDelegate")
class ChangeFileStageDelegate implements JavaDelegate {

  static final String INPUT_TARGET_STAGE = "targetStage";

  private final StudentService students;

  ChangeFileStageDelegate(StudentService students) {
    this.students = students;
  }

  @Override
  public void execute(DelegateExecution execution) {
    students.moveToStage(
        FileKeys.studentNumberOf(execution),
        FileStage.valueOf(InputParameters.of(execution).get(INPUT_TARGET_STAGE)));
  }
}
