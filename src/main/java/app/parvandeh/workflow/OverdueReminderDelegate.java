package app.parvandeh.workflow;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reminds a group of its overdue task on this file: raises the task's priority (Tasklist sorts and
 * marks by it) and leaves a comment the group reads on the task. Doing it twice changes nothing
 * more.
 */
@Component("overdueReminderDelegate")
class OverdueReminderDelegate implements JavaDelegate {

  static final int OVERDUE_PRIORITY = 80;
  static final String REMINDER =
      "یادآوری: مهلت انجام این کار گذشته است؛ لطفاً هرچه زودتر آن را انجام دهید.";

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Date now = ClockUtil.getCurrentTime();
    List<Task> overdue =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .dueBefore(new Date(now.getTime() + 1))
            .list();
    for (Task task : overdue) {
      if (task.getPriority() < OVERDUE_PRIORITY) {
        task.setPriority(OVERDUE_PRIORITY);
        tasks.saveTask(task);
        tasks.createComment(task.getId(), task.getProcessInstanceId(), REMINDER);
      }
    }
  }
}
