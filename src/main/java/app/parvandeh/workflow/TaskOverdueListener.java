package app.parvandeh.workflow;

import static app.parvandeh.workflow.OverdueFollowUp.ESCALATION;
import static app.parvandeh.workflow.OverdueFollowUp.REMINDER;
import static app.parvandeh.workflow.OverdueFollowUp.VAR_LEVEL;
import static app.parvandeh.workflow.OverdueFollowUp.VAR_OVERDUE_STEP;
import static app.parvandeh.workflow.OverdueFollowUp.VAR_OVERDUE_TASK;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The timeout listeners of the expert tasks: when a task's reminder or escalation timer is due, it
 * starts the model's one event sub-process «پیگیری پرونده معطل» in the task's own file by the
 * message {@value #MESSAGE}, saying which task and which level. The sub-process does the rest (the
 * reminder delegate, the managers' follow-up task), so the diagram shows it once instead of a pair
 * of boundary timers on every task.
 *
 * <p>A timeout listener does not tell its delegate which of the task's listeners fired, so each
 * level is its own bean: the model names {@code ${overdueReminderDue}} or {@code
 * ${overdueEscalationDue}}.
 */
abstract class TaskOverdueListener implements TaskListener {

  static final String MESSAGE = "TaskOverdue";

  private final String level;

  TaskOverdueListener(String level) {
    this.level = level;
  }

  /**
   * Runs inside the timer job's transaction: if the correlation fails, the job fails and is retried
   * (then an incident on the task), and no half-started follow-up is left behind. The variables go
   * to the scope the message starts (this follow-up's own sub-process instance), so two follow-ups
   * of one file at once keep their own.
   */
  @Override
  public void notify(DelegateTask task) {
    task.getProcessEngineServices()
        .getRuntimeService()
        .createMessageCorrelation(MESSAGE)
        .processInstanceId(task.getProcessInstanceId())
        .setVariablesToTriggeredScope(
            Map.of(
                VAR_LEVEL, level,
                VAR_OVERDUE_TASK, task.getId(),
                VAR_OVERDUE_STEP, task.getTaskDefinitionKey()))
        .correlateWithResult();
  }

  /** The task fell due: remind its group. */
  @Component("overdueReminderDue")
  static final class Reminder extends TaskOverdueListener {
    Reminder() {
      super(REMINDER);
    }
  }

  /** The task is still open some days after its due date: ask managers to follow up. */
  @Component("overdueEscalationDue")
  static final class Escalation extends TaskOverdueListener {
    Escalation() {
      super(ESCALATION);
    }
  }
}
