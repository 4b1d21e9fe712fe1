package app.parvandeh.web;

import app.parvandeh.admission.StudentFileWorkflow;
import app.parvandeh.admission.StudentFileWorkflow.FileTask;
import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.RequirementView;
import app.parvandeh.security.ClearanceRecords;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentSummary;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The student's own file, as the portal shows it, and "send for review". */
@RestController
@RequestMapping("/api/portal")
class PortalController {

  private final StudentService students;
  private final DocumentService documents;
  private final StudentFileWorkflow workflow;
  private final GraduationClearance clearance;
  private final ClearanceRecords cleared;
  private final PeopleNames names;

  PortalController(
      StudentService students,
      DocumentService documents,
      StudentFileWorkflow workflow,
      GraduationClearance clearance,
      ClearanceRecords cleared,
      PeopleNames names) {
    this.cleared = cleared;
    this.names = names;
    this.students = students;
    this.documents = documents;
    this.workflow = workflow;
    this.clearance = clearance;
  }

  record PortalTask(String id, String key, String name) {}

  record PortalFile(
      StudentSummary student,
      PortalTask openTask,
      String phaseMessage,
      List<RequirementView> requirements,
      boolean canRequestGraduationDocuments,
      Map<String, String> people,
      String clearanceCertificateUrl) {}

  @GetMapping("/file")
  PortalFile file(Authentication authentication) {
    StudentRef student = ownStudent(authentication);
    FileTask task = workflow.openStudentTask(student.studentNumber()).orElse(null);
    boolean graduationRequestOpen = clearance.graduationRequestOpen(student.studentNumber());
    List<RequirementView> checklist = documents.checklist(student.id());
    return new PortalFile(
        StudentSummary.of(student),
        task == null ? null : new PortalTask(task.id(), task.key(), task.name()),
        graduationRequestOpen
            ? "پرونده شما تسویه شد؛ برای صدور مدارک دانش‌آموختگی درخواست دهید."
            : phaseMessage(student, task),
        checklist,
        graduationRequestOpen,
        names.of(whoActedOn(checklist)),
        ClearanceCertificateController.urlIfCleared(student, cleared));
  }

  @PostMapping("/submit")
  Map<String, String> submit(Authentication authentication) {
    StudentRef student = ownStudent(authentication);
    workflow.submitForReview(student, student.userId());
    return Map.of("message", "مدارک شما برای بررسی به کارشناس دانشکده ارسال شد.");
  }

  /**
   * Everyone who uploaded or reviewed a version in the checklist: the student reads their names.
   */
  private static List<String> whoActedOn(List<RequirementView> checklist) {
    return checklist.stream()
        .map(RequirementView::document)
        .filter(Objects::nonNull)
        .flatMap(d -> Stream.concat(Stream.of(d.current()), d.previous().stream()))
        .flatMap(
            v ->
                Stream.of(
                    v.uploadedBy(),
                    v.facultyReview() == null ? null : v.facultyReview().reviewer(),
                    v.centralReview() == null ? null : v.centralReview().reviewer()))
        .toList();
  }

  private StudentRef ownStudent(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isStudent()) {
      throw ParvandehException.forbidden(
          "این صفحه ویژه دانشجویان است.", "The portal is for students.");
    }
    return students.getByUser(user.id());
  }

  private static String phaseMessage(StudentRef student, FileTask task) {
    if (task != null) {
      return StudentFileProcess.TASK_CORRECT_DOCUMENTS.equals(task.key())
          ? "برخی مدارک رد شده است؛ آن‌ها را اصلاح و دوباره ارسال کنید."
          : "مدارک پذیرش خود را بارگذاری و برای بررسی ارسال کنید.";
    }
    if (student.stage() == FileStage.ADMISSION) {
      return "مدارک شما در حال بررسی است؛ نتیجه در همین صفحه نمایش داده می‌شود.";
    }
    return "مدارک ثبت‌نامی شما کامل است و پرونده در مرحله «" + student.stage().labelFa() + "» است.";
  }
}
