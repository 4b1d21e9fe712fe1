package app.parvandeh.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Whose file a process works on. Both file processes carry the student number as their business
 * key, set by our code when the process starts (StudentFileProcess by the admission,
 * StudyDocumentProcess by its start listener after the access check); no door lets a user change
 * it. The {@code studentNumber} variable is kept for Tasklist's columns and searches but is never
 * trusted: a variable is data a user might have written.
 */
public final class FileKeys {

  /** Who recorded what a step of the process recorded when no clerk did it (a job, a message). */
  public static final String SYSTEM_AUTHOR = "system";

  private FileKeys() {}

  /**
   * Who completes the task, as the file's notes and audit lines name them: the user signed in to
   * the request (through our API, engine REST or Tasklist: a member of the task's group may
   * complete it unclaimed, or after handing it to a colleague), else its assignee, else {@link
   * #SYSTEM_AUTHOR}.
   */
  public static String actorOf(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      // Who did a step is who completed its task: a listener on another event (a task's
      // creation, by a timer with nobody signed in) would name its assignee, the student.
      throw new ProcessEngineException(
          "انجام‌دهندهٔ گام فقط هنگام پایان کار آن ثبت می‌شود. / Who did a step is recorded only when"
              + " its task is completed, not on '"
              + task.getEventName()
              + "'.");
    }
    Authentication signedIn =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (signedIn != null && signedIn.getUserId() != null) {
      return signedIn.getUserId();
    }
    return task.getAssignee() == null ? SYSTEM_AUTHOR : task.getAssignee();
  }

  public static String studentNumberOf(DelegateExecution execution) {
    return required(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }

  public static String studentNumberOf(DelegateTask task) {
    return studentNumberOf(task.getExecution());
  }

  public static String studentNumberOf(RuntimeService runtime, Task task) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    return required(
        instance == null ? null : instance.getBusinessKey(), task.getProcessInstanceId());
  }

  static String required(String businessKey, String processInstanceId) {
    if (businessKey == null || businessKey.isBlank()) {
      throw new IllegalStateException(
          "فرایند "
              + processInstanceId
              + " شماره دانشجویی (کلید فرایند) ندارد."
              + " / Process instance "
              + processInstanceId
              + " has no business key (student number).");
    }
    return businessKey;
  }
}
