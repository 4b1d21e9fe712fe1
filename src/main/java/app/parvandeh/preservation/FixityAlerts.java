package app.parvandeh.preservation;

import app.parvandeh.security.Groups;
import app.parvandeh.shared.JalaliDates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells managers where they already look: an open task for the managers group in Tasklist (where stuck files are
 * followed up too). A Cockpit incident needs a running process execution, and damaged bytes belong to no process
 * step (often to a graduate's finished file). One open task at a time: a new finding updates its description.
 */
@Component
class FixityAlerts {

  static final String TASK_NAME = "آسیب در بایگانی مدارک: بررسی گزارش پایش سلامت";
  static final String REPORT_PAGE = "/reports/fixity.html";

  private final TaskService tasks;
  private final Clock clock;

  FixityAlerts(TaskService tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  synchronized void raise(String summaryFa) {
    String description = JalaliDates.dateTime(Instant.now(clock)) + ": " + summaryFa
        + " جزئیات در گزارش پایش سلامت بایگانی: " + REPORT_PAGE;
    if (description.length() > 3900) {
      description = description.substring(0, 3900);
    }
    List<Task> open = tasks.createTaskQuery().taskName(TASK_NAME).active().list();
    if (!open.isEmpty()) {
      Task task = open.get(0);
      task.setDescription(description);
      tasks.saveTask(task);
      return;
    }
    Task task = tasks.newTask();
    task.setName(TASK_NAME);
    task.setDescription(description);
    task.setPriority(90);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), Groups.MANAGERS);
  }

  /** The open alert task, if any (its description says what was found last). */
  Task openTask() {
    return tasks.createTaskQuery().taskName(TASK_NAME).active().list().stream().findFirst().orElse(null);
  }
}
