package app.parvandeh.clearance;

import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.note.NoteView;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.workflow.FileKeys;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Graduation clearance as the web layer drives it: end of study, the graduate's request, the
 * clearance tasks.
 */
@Service
public class GraduationClearance {

  private static final Set<String> CLEARANCE_TASKS =
      Set.of(
          StudentFileProcess.TASK_CHECK_CLEARANCE, StudentFileProcess.TASK_COMPLETE_FOR_CLEARANCE);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final StudentService students;
  private final NoteService notes;

  GraduationClearance(
      RuntimeService runtime, TaskService tasks, StudentService students, NoteService notes) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.students = students;
    this.notes = notes;
  }

  /** A clearance task with what the central clerk found missing (for the faculty's form). */
  public record ClearanceTask(
      String taskId,
      String key,
      String name,
      String studentNumber,
      String missingItems,
      String clearanceGroup,
      String closureReason,
      boolean claimedByCaller) {}

  /**
   * Study ended (Golestan's signal or a clerk's action): the file waiting during study enters
   * clearance.
   */
  @Transactional
  public void endStudy(String studentNumber, StudentStatus reason, String actor) {
    StudentRef student = students.get(studentNumber);
    if (reason == null || reason == StudentStatus.ACTIVE) {
      throw ParvandehException.badRequest(
          "invalid-closure-reason",
          "علت پایان تحصیل باید دانش‌آموخته، انصراف، اخراج یا بسته‌شده باشد.",
          "The reason must be GRADUATED, WITHDRAWN, EXPELLED or CLOSED.");
    }
    if (!waitsFor(student.studentNumber(), StudentFileProcess.MESSAGE_STUDY_ENDED)) {
      throw ParvandehException.conflict(
          "not-during-study",
          "پرونده این دانشجو در مرحله «در طول تحصیل» منتظر پایان تحصیل نیست.",
          "This file is not waiting for the end of study.");
    }
    runtime
        .createMessageCorrelation(StudentFileProcess.MESSAGE_STUDY_ENDED)
        .processInstanceBusinessKey(student.studentNumber())
        .setVariables(ClearanceVariables.studyEnded(reason.name(), actor))
        .correlate();
  }

  /** Whether the file waits for the graduate to ask for their graduation documents. */
  @Transactional(readOnly = true)
  public boolean graduationRequestOpen(String studentNumber) {
    return waitsFor(studentNumber, StudentFileProcess.MESSAGE_GRADUATION_REQUESTED);
  }

  /**
   * The graduate asks for their graduation documents from the portal; recorded on the file once.
   */
  @Transactional
  public NoteView requestGraduationDocuments(String studentNumber, String actor) {
    StudentRef student = students.get(studentNumber);
    if (!waitsFor(student.studentNumber(), StudentFileProcess.MESSAGE_GRADUATION_REQUESTED)) {
      throw ParvandehException.conflict(
          "graduation-request-not-open",
          "پرونده هنوز برای صدور مدارک دانش‌آموختگی آماده نیست یا درخواست قبلاً ثبت شده است.",
          "The file is not ready for graduation documents, or the request was already made.");
    }
    NoteView note =
        recordGraduationRequest(
            student.studentNumber(),
            actor,
            "دانش‌آموخته از درگاه دانشجو درخواست مدارک دانش‌آموختگی داد.");
    runtime
        .createMessageCorrelation(StudentFileProcess.MESSAGE_GRADUATION_REQUESTED)
        .processInstanceBusinessKey(student.studentNumber())
        .setVariables(ClearanceVariables.graduationRequested(actor))
        .correlate();
    return note;
  }

  /** The request's note; one per file whichever way it came. */
  NoteView recordGraduationRequest(String studentNumber, String actor, String body) {
    Long studentId = students.get(studentNumber).id();
    return notes.record(
        studentId,
        NoteKind.GRADUATION_REQUESTED,
        body,
        actor,
        List.of(),
        "graduation-request:" + studentId);
  }

  /** A clearance task the caller may work on (assignee or candidate group). */
  @Transactional(readOnly = true)
  public ClearanceTask clearanceTask(String taskId, String userId, Collection<String> groups) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !CLEARANCE_TASKS.contains(task.getTaskDefinitionKey())) {
      throw ParvandehException.notFound(
          "task-not-found",
          "این کار تسویه پیدا نشد یا پایان یافته است.",
          "No such open clearance task.");
    }
    boolean assignee = userId.equals(task.getAssignee());
    boolean candidate =
        tasks.getIdentityLinksForTask(taskId).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .anyMatch(groups::contains);
    if (!assignee && !candidate) {
      throw ParvandehException.forbidden(
          "این کار به گروه شما سپرده نشده است.", "This task is not for your group.");
    }
    String studentNumber = FileKeys.studentNumberOf(runtime, task);
    ClearanceVariables variables = ClearanceVariables.ofTask(tasks, taskId);
    return new ClearanceTask(
        taskId,
        task.getTaskDefinitionKey(),
        task.getName(),
        studentNumber,
        variables.missingItems(),
        variables.clearanceGroup(),
        variables.closureReason(),
        assignee);
  }

  /**
   * The faculty clerk records where a missing document lives (Golestan 17030) while completing the
   * file.
   */
  @Transactional
  public NoteView recordDocumentAddress(
      String taskId,
      String userId,
      Collection<String> groups,
      String body,
      List<NewAddress> addresses) {
    ClearanceTask task = clearanceTask(taskId, userId, groups);
    if (!task.claimedByCaller()
        || !StudentFileProcess.TASK_COMPLETE_FOR_CLEARANCE.equals(task.key())) {
      throw ParvandehException.conflict(
          "claim-first",
          "برای ثبت یادداشت، ابتدا کار تکمیل پرونده را به خود اختصاص دهید.",
          "Claim the faculty's completion task before recording notes.");
    }
    return notes.record(
        students.get(task.studentNumber()).id(),
        NoteKind.DOCUMENT_ADDRESS,
        body,
        userId,
        addresses,
        null);
  }

  private boolean waitsFor(String studentNumber, String message) {
    return runtime
            .createExecutionQuery()
            .processDefinitionKey(StudentFileProcess.PROCESS_ID)
            .processInstanceBusinessKey(studentNumber)
            .messageEventSubscriptionName(message)
            .count()
        > 0;
  }
}
