package app.parvandeh.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs a process instance's due asynchronous steps, as the job executor would (it is off in tests,
 * so nothing races them). Timers are left alone: tests that need one fire it themselves.
 */
public final class DueJobs {

  private static final int MAX_ROUNDS = 10;

  private DueJobs() {}

  /**
   * Runs the due steps of one process instance until none is left (each step may make the next one
   * due).
   */
  public static void run(ManagementService management, String processInstanceId) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> jobs =
          management
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .executable()
              .messages()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    List<Job> left =
        management
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .executable()
            .messages()
            .list();
    if (!left.isEmpty()) {
      // a step that keeps making the next one due is a loop in the model, not something to wait out
      throw new AssertionError(
          "still due after "
              + MAX_ROUNDS
              + " rounds in process instance "
              + processInstanceId
              + ": "
              + left.stream().map(job -> job.getJobDefinitionId() + " " + job.getId()).toList());
    }
  }

  /**
   * Runs the due steps of the student's file (StudentFileProcess, business key = student number).
   */
  public static void runForFile(
      RuntimeService runtime, ManagementService management, String studentNumber) {
    run(management, fileInstanceOf(runtime, studentNumber));
  }

  public static String fileInstanceOf(RuntimeService runtime, String studentNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("StudentFileProcess")
        .processInstanceBusinessKey(studentNumber)
        .singleResult()
        .getId();
  }
}
