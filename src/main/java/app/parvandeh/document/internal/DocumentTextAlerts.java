package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentTextIndex;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.TaskDescriptions;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A text extraction that failed for good is shown to managers as a Tasklist task (as fixity
 * findings are): the upload itself is safe, but its words cannot be found until someone looks. One
 * open task names how many versions wait and the latest failure; the admins' page lists them all
 * and puts them back in the queue.
 */
@Component
class DocumentTextAlerts {

  static final String TASK_NAME = "متن‌یابی مدارک ناموفق ماند: بررسی و تلاش دوباره";

  private final TaskService tasks;
  private final Clock clock;

  DocumentTextAlerts(TaskService tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  synchronized void failed(long documentId, long failedVersions, String error) {
    String description =
        TaskDescriptions.fit(
            "تعداد نسخه‌هایی که متنشان استخراج نشد: "
                + PersianText.toPersianDigits(String.valueOf(failedVersions))
                + "\nآخرین مورد "
                + JalaliDates.dateTime(Instant.now(clock))
                + ": مدرک "
                + PersianText.toPersianDigits(String.valueOf(documentId))
                + " — "
                + error
                + "\nفهرست و تلاش دوباره: "
                + DocumentTextIndex.PATH);
    Task task = openTask();
    if (task == null) {
      task = tasks.newTask();
      task.setName(TASK_NAME);
      task.setPriority(60);
      task.setDescription(description);
      tasks.saveTask(task);
      tasks.addCandidateGroup(task.getId(), Groups.MANAGERS);
      return;
    }
    task.setDescription(description);
    tasks.saveTask(task);
  }

  Task openTask() {
    return tasks.createTaskQuery().taskName(TASK_NAME).active().list().stream()
        .findFirst()
        .orElse(null);
  }
}
