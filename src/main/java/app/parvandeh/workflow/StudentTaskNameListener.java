package app.parvandeh.workflow;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentRenamed;
import app.parvandeh.student.StudentService;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Names each clerk task after the file it works on: «بررسی مدارک … — ۴۰۲۱۱۰۰۰۰۱ علی رضایی», and for
 * a central unit's task the faculty too. Clerks may not read process variables, so Tasklist's
 * variable columns stay empty for them; the task name is theirs to read, and Tasklist searches
 * («Name like») and sorts by it.
 */
@Component("studentTaskNameListener")
class StudentTaskNameListener implements TaskListener {

  /** Between the model's task name and the student; a model task name never contains it. */
  static final String SEPARATOR = " — ";

  /** ACT_RU_TASK.NAME_ is a varchar(255). */
  private static final int MAX_NAME = 255;

  private final StudentService students;
  private final TaskService tasks;

  StudentTaskNameListener(StudentService students, TaskService tasks) {
    this.students = students;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    students
        .find(FileKeys.studentNumberOf(task))
        .ifPresent(
            student ->
                task.setName(
                    named(
                        task.getName(),
                        student,
                        !offeredToFaculty(task.getCandidates(), student))));
  }

  /** A corrected name follows into the open tasks of the student's files. */
  @EventListener
  void onStudentRenamed(StudentRenamed event) {
    Optional<StudentRef> renamed = students.findByUser(event.userId());
    renamed.ifPresent(
        student -> {
          for (Task task :
              tasks.createTaskQuery().processInstanceBusinessKey(student.studentNumber()).list()) {
            if (task.getName() != null && task.getName().contains(SEPARATOR)) {
              boolean withFaculty =
                  !offeredToFaculty(tasks.getIdentityLinksForTask(task.getId()), student);
              task.setName(named(task.getName(), student, withFaculty));
              tasks.saveTask(task);
            }
          }
        });
  }

  static String named(String modelName, StudentRef student, boolean withFaculty) {
    String base = modelName == null ? "" : modelName;
    int cut = base.indexOf(SEPARATOR);
    if (cut >= 0) {
      base = base.substring(0, cut);
    }
    String label =
        PersianText.toPersianDigits(student.studentNumber())
            + " "
            + student.fullName()
            + (withFaculty ? " (" + student.faculty().nameFa() + ")" : "");
    String name = base + SEPARATOR + label;
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  /** A faculty clerk knows the faculty already; everyone else is told it. */
  private static boolean offeredToFaculty(
      Collection<? extends IdentityLink> links, StudentRef student) {
    String group = student.faculty().candidateGroup();
    for (IdentityLink link : links) {
      if (group.equals(link.getGroupId())) {
        return true;
      }
    }
    return false;
  }
}
