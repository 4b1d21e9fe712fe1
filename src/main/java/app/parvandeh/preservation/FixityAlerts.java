package app.parvandeh.preservation;

import app.parvandeh.security.Groups;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.TaskDescriptions;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells managers where they already look: an open task for the managers group in Tasklist (where
 * stuck files are followed up too). A Cockpit incident needs a running process execution, and
 * damaged bytes belong to no process step (often to a graduate's finished file). One open task at a
 * time: a new finding updates its description.
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

  /**
   * Adds the finding on top of the open task's description (newest first), or opens the task; a
   * description too long for Camunda loses its oldest lines.
   */
  synchronized void raise(String summaryFa) {
    String line = JalaliDates.dateTime(Instant.now(clock)) + ": " + summaryFa;
    Task task = openTask();
    if (task != null) {
      task.setDescription(TaskDescriptions.fit(line + "\n" + task.getDescription()));
      tasks.saveTask(task);
      return;
    }
    task = tasks.newTask();
    task.setName(TASK_NAME);
    task.setDescription(
        TaskDescriptions.fit(line + "\nجزئیات در گزارش پایش سلامت بایگانی: " + REPORT_PAGE));
    task.setPriority(90);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), Groups.MANAGERS);
  }

  /** The open alert task, if any (its description says what was found last). */
  Task openTask() {
    return tasks.createTaskQuery().taskName(TASK_NAME).active().list().stream()
        .findFirst()
        .orElse(null);
  }
}
