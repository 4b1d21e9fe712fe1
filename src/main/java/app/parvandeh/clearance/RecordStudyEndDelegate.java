package app.parvandeh.clearance;

import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.workflow.FileKeys;
import app.parvandeh.workflow.StudentDecisions;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records why study ended as the student's status, moves the file to graduation clearance and sets
 * who clears it, as the process owner's decision table ClearanceGroup.dmn says. Public for
 * StudentFileProcessTests, which runs the whole model from the workflow package.
 */
@Component("recordStudyEndDelegate")
public class RecordStudyEndDelegate implements JavaDelegate {

  private final StudentService students;

  public RecordStudyEndDelegate(StudentService students) {
    this.students = students;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClearanceVariables variables = ClearanceVariables.of(execution);
    StudentStatus status = closureStatus(variables.closureReason());
    StudentRef student =
        students.endStudy(FileKeys.studentNumberOf(execution), status, variables.studyEndedBy());
    variables.graduated(status == StudentStatus.GRADUATED);
    variables.clearanceGroup(
        StudentDecisions.clearanceGroupOf(
            execution.getProcessEngineServices().getDecisionService(), student));
  }

  /**
   * The reason as a closing status; anything else is an incident whose message says what to fix.
   */
  static StudentStatus closureStatus(String reason) {
    for (StudentStatus status : StudentStatus.values()) {
      if (status != StudentStatus.ACTIVE && status.name().equals(reason)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "علت پایان تحصیل نامعتبر است: «"
            + reason
            + "». متغیر closureReason را به یکی از "
            + "GRADUATED، WITHDRAWN، EXPELLED یا CLOSED اصلاح و دوباره اجرا کنید. / Unknown closureReason '"
            + reason
            + "': set it to one of "
            + Arrays.toString(new String[] {"GRADUATED", "WITHDRAWN", "EXPELLED", "CLOSED"})
            + " and retry the job.");
  }
}
