package app.parvandeh.admission;

import app.parvandeh.document.BatchDocumentAttached;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentAdmitted;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the portal and the review form ask of a student's running file process. */
@Service
public class StudentFileWorkflow {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final StudentService students;
  private final DocumentService documents;
  private final ReviewTasks reviewTasks;

  StudentFileWorkflow(
      RuntimeService runtime,
      TaskService tasks,
      StudentService students,
      DocumentService documents,
      ReviewTasks reviewTasks) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.students = students;
    this.documents = documents;
    this.reviewTasks = reviewTasks;
  }

  /** A task of the file process, as the web layer needs it. */
  public record FileTask(
      String id, String key, String name, String studentNumber, String assignee) {

    static FileTask of(Task task, String studentNumber) {
      return new FileTask(
          task.getId(),
          task.getTaskDefinitionKey(),
          task.getName(),
          studentNumber,
          task.getAssignee());
    }
  }

  /** A check task the current clerk may look at, with its review stage. */
  public record ReviewTask(FileTask task, ReviewStage stage, boolean claimedByCaller) {}

  /**
   * Opens the file's process in the same transaction that admitted the student: both happen, or
   * neither.
   */
  @EventListener
  void onStudentAdmitted(StudentAdmitted event) {
    openFile(event.student());
  }

  /**
   * A card batch attached one of the file's batch documents: a file waiting for its cards checks
   * again, in the attaching transaction. A file not waiting (still in review, or already past) is
   * left alone.
   */
  @EventListener
  void onBatchDocumentAttached(BatchDocumentAttached event) {
    runtime
        .createMessageCorrelation(StudentFileProcess.MESSAGE_BATCH_DOCUMENTS_ARRIVED)
        .processInstanceBusinessKey(students.getById(event.studentId()).studentNumber())
        .correlateAll();
  }

  void openFile(StudentRef student) {
    runtime.startProcessInstanceByKey(
        StudentFileProcess.PROCESS_ID,
        student.studentNumber(),
        AdmissionVariables.opening(
            student.studentNumber(), student.userId(), student.faculty().candidateGroup()));
  }

  /** The student's open upload or correction task, if the file is waiting for them. */
  @Transactional(readOnly = true)
  public Optional<FileTask> openStudentTask(String studentNumber) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(StudentFileProcess.PROCESS_ID)
        .processInstanceBusinessKey(studentNumber)
        .taskDefinitionKeyIn(
            StudentFileProcess.TASK_UPLOAD_DOCUMENTS, StudentFileProcess.TASK_CORRECT_DOCUMENTS)
        .list()
        .stream()
        .findFirst()
        .map(t -> FileTask.of(t, studentNumber));
  }

  /** Every open task of the file (for the file page and the portal's phase message). */
  @Transactional(readOnly = true)
  public List<FileTask> openTasks(String studentNumber) {
    return tasks.createTaskQuery().processInstanceBusinessKey(studentNumber).list().stream()
        .map(t -> FileTask.of(t, studentNumber))
        .toList();
  }

  /**
   * Whose file the open task belongs to (its process's business key), or empty when there is no
   * such task.
   */
  @Transactional(readOnly = true)
  public Optional<String> studentNumberOfTask(String taskId) {
    return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
        .map(task -> FileKeys.studentNumberOf(runtime, task));
  }

  /**
   * Completes the student's upload/correction task once every student-supplied document is there
   * and unrejected.
   */
  @Transactional
  public void submitForReview(StudentRef student, String userId) {
    FileTask task =
        openStudentTask(student.studentNumber())
            .filter(t -> userId.equals(t.assignee()))
            .orElseThrow(
                () ->
                    ParvandehException.conflict(
                        "no-open-upload",
                        "اکنون کاری برای ارسال مدارک ندارید؛ مدارک شما در حال بررسی است.",
                        "There is nothing to submit now: your documents are being checked."));
    List<String> missing = documents.missingForReview(student.id());
    if (!missing.isEmpty()) {
      throw ParvandehException.conflict(
          "documents-missing",
          "این مدارک هنوز بارگذاری یا اصلاح نشده است: " + String.join("، ", missing),
          "Some required documents are missing or still rejected (" + missing.size() + ").");
    }
    tasks.complete(task.id());
  }

  /**
   * The check task with this id, if the caller is its assignee or in one of its candidate groups.
   */
  @Transactional(readOnly = true)
  public ReviewTask reviewTask(String taskId, String userId, Collection<String> userGroups) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    Optional<ReviewStage> stage =
        task == null
            ? Optional.empty()
            : reviewTasks.stageOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    if (stage.isEmpty()) {
      throw ParvandehException.notFound(
          "task-not-found",
          "این کار بررسی مدارک پیدا نشد یا پایان یافته است.",
          "No such open document check.");
    }
    FileTask file = callersTask(task, userId, userGroups);
    return new ReviewTask(file, stage.get(), userId.equals(task.getAssignee()));
  }

  /**
   * Any open task of a student's file that the caller holds or that is offered to one of their
   * groups.
   */
  @Transactional(readOnly = true)
  public FileTask fileTask(String taskId, String userId, Collection<String> userGroups) {
    Task task =
        tasks
            .createTaskQuery()
            .taskId(taskId)
            .processDefinitionKey(StudentFileProcess.PROCESS_ID)
            .singleResult();
    if (task == null) {
      throw ParvandehException.notFound(
          "task-not-found",
          "این کار پیدا نشد یا پایان یافته است.",
          "No such open task of a student file.");
    }
    return callersTask(task, userId, userGroups);
  }

  private FileTask callersTask(Task task, String userId, Collection<String> userGroups) {
    boolean assignee = userId.equals(task.getAssignee());
    boolean candidate =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .anyMatch(userGroups::contains);
    if (!assignee && !candidate) {
      throw ParvandehException.forbidden(
          "این کار به گروه شما سپرده نشده است.", "This task is not for your group.");
    }
    return FileTask.of(task, FileKeys.studentNumberOf(runtime, task));
  }
}
