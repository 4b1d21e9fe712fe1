package app.parvandeh.workflow;

import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records why study ended as the student's status, moves the file to graduation clearance and sets
 * who clears it, as the process owner's decision table ClearanceGroup.dmn says.
 */
@Component("recordStudyEndDelegate")
class RecordStudyEndDelegate implements JavaDelegate {

  private final StudentService students;

  RecordStudyEndDelegate(StudentService students) {
    this.students = students;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StudentStatus status =
        closureStatus(execution.getVariable(StudentFileProcess.VAR_CLOSURE_REASON));
    Object actor = execution.getVariable(StudentFileProcess.VAR_STUDY_ENDED_BY);
    StudentRef student =
        students.endStudy(
            FileKeys.studentNumberOf(execution),
            status,
            actor == null
                ? RecordRegistrationCompleteNoteDelegate.SYSTEM_AUTHOR
                : actor.toString());
    execution.setVariable(StudentFileProcess.VAR_GRADUATED, status == StudentStatus.GRADUATED);
    execution.setVariable(
        StudentFileProcess.VAR_CLEARANCE_GROUP,
        StudentDecisions.clearanceGroupOf(
            execution.getProcessEngineServices().getDecisionService(), student));
  }

  /**
   * The reason as a closing status; anything else is an incident whose message says what to fix.
   */
  static StudentStatus closureStatus(Object reason) {
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
