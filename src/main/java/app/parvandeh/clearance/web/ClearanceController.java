package app.parvandeh.clearance.web;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.clearance.GraduationClearance.ClearanceTask;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.note.NoteView;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.student.StudentSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graduation clearance: end of study (as Golestan signals it), the clearance forms, the graduate's
 * request.
 */
@RestController
class ClearanceController {

  private final GraduationClearance clearance;
  private final StudentService students;
  private final FileAccessPolicy access;

  ClearanceController(
      GraduationClearance clearance, StudentService students, FileAccessPolicy access) {
    this.clearance = clearance;
    this.students = students;
    this.access = access;
  }

  record StudyEnd(@NotNull StudentStatus reason) {}

  record ClearanceView(ClearanceTask task, StudentSummary student) {}

  record AddressIn(String address, String label, Long documentVersionId) {}

  record NoteIn(@NotBlank String body, List<AddressIn> addresses) {}

  /**
   * A clerk (or Golestan's integration user) records that study ended; the file enters clearance.
   */
  @PostMapping("/api/students/{studentNumber}/study-end")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> endStudy(
      @PathVariable String studentNumber,
      @Valid @RequestBody StudyEnd body,
      Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    StudentRef student = students.get(studentNumber);
    access.checkRecordStudyEnd(user, student);
    clearance.endStudy(student.studentNumber(), body.reason(), user.id());
    return Map.of(
        "message",
        "پایان تحصیل («" + body.reason().labelFa() + "») ثبت شد و پرونده وارد تسویه شد.");
  }

  @GetMapping("/api/clearance/tasks/{taskId}")
  ClearanceView task(@PathVariable String taskId, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    ClearanceTask task = clearance.clearanceTask(taskId, user.id(), user.groups());
    StudentRef student = students.get(task.studentNumber());
    access.checkView(user, student);
    return new ClearanceView(task, StudentSummary.of(student));
  }

  /** The faculty clerk records where a missing document lives (17030) while completing the file. */
  @PostMapping("/api/clearance/tasks/{taskId}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  NoteView note(
      @PathVariable String taskId, @Valid @RequestBody NoteIn note, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    ClearanceTask task = clearance.clearanceTask(taskId, user.id(), user.groups());
    access.checkView(user, students.get(task.studentNumber()));
    List<NewAddress> addresses =
        note.addresses() == null
            ? List.of()
            : note.addresses().stream()
                .map(a -> new NewAddress(a.address(), a.label(), a.documentVersionId()))
                .toList();
    return clearance.recordDocumentAddress(
        taskId, user.id(), user.groups(), note.body(), addresses);
  }

  /** The graduate asks for their graduation documents from the portal. */
  @PostMapping("/api/portal/graduation-request")
  Map<String, Object> graduationRequest(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.isStudent()) {
      throw ParvandehException.forbidden(
          "این درخواست را خود دانش‌آموخته می‌فرستد.", "Only the graduate sends this request.");
    }
    StudentRef student = students.getByUser(user.id());
    NoteView note = clearance.requestGraduationDocuments(student.studentNumber(), user.id());
    return Map.of(
        "message",
        "درخواست شما برای صدور مدارک دانش‌آموختگی به اداره دانش‌آموختگان رسید.",
        "noteId",
        note.id());
  }
}
