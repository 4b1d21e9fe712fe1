package app.parvandeh.admission.web;

import app.parvandeh.admission.StudentFileWorkflow;
import app.parvandeh.admission.StudentFileWorkflow.ReviewTask;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.DocumentViews.RequirementView;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.Supplier;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the Tasklist review form shows and records: one decision per document, per check task. */
@RestController
@RequestMapping("/api/tasks/{taskId}")
class ReviewController {

  private final StudentFileWorkflow workflow;
  private final StudentService students;
  private final DocumentService documents;
  private final FileAccessPolicy access;

  ReviewController(
      StudentFileWorkflow workflow,
      StudentService students,
      DocumentService documents,
      FileAccessPolicy access) {
    this.workflow = workflow;
    this.students = students;
    this.documents = documents;
    this.access = access;
  }

  record Review(
      String taskId,
      String taskName,
      String stage,
      String stageLabel,
      boolean claimed,
      StudentSummary student,
      List<DocumentView> documents,
      List<RequirementView> notUploaded) {}

  record Decision(@NotNull Long documentId, @NotNull ReviewDecision decision, String reason) {}

  /** The student whose file the task works on: the header every Tasklist form opens with. */
  @GetMapping("/student")
  StudentSummary student(@PathVariable String taskId, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    StudentRef student =
        students.get(workflow.fileTask(taskId, user.id(), user.groups()).studentNumber());
    access.checkView(user, student);
    return StudentSummary.of(student);
  }

  @GetMapping("/review")
  Review review(@PathVariable String taskId, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    ReviewTask task = workflow.reviewTask(taskId, user.id(), user.groups());
    StudentRef student = students.get(task.task().studentNumber());
    access.checkView(user, student);
    List<RequirementView> notUploaded =
        documents.checklist(student.id()).stream()
            .filter(r -> r.supplier() != Supplier.STUDENT || r.document() == null)
            .toList();
    return new Review(
        taskId,
        task.task().name(),
        task.stage().name(),
        task.stage().labelFa(),
        task.claimedByCaller(),
        StudentSummary.of(student),
        documents.admissionDocumentsOf(student.id()),
        notUploaded);
  }

  @PostMapping("/reviews")
  DocumentView decide(
      @PathVariable String taskId,
      @Valid @RequestBody Decision decision,
      Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    ReviewTask task = workflow.reviewTask(taskId, user.id(), user.groups());
    if (!task.claimedByCaller()) {
      throw ParvandehException.conflict(
          "claim-first",
          "برای بررسی، ابتدا کار را به خود اختصاص دهید.",
          "Claim the task before recording decisions.");
    }
    StudentRef student = students.get(task.task().studentNumber());
    access.checkView(user, student);
    return documents.review(
        student.id(),
        decision.documentId(),
        task.stage(),
        decision.decision(),
        decision.reason(),
        user.id(),
        taskId);
  }
}
