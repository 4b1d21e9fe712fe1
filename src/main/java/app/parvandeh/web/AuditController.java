package app.parvandeh.web;

import app.parvandeh.audit.AuditLog;
import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentSummary;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's audit trail for managers and the central units: read only; there is no way to edit or
 * purge it.
 */
@RestController
class AuditController {

  private final StudentService students;
  private final FileAccessPolicy access;
  private final AuditLog audit;

  AuditController(StudentService students, FileAccessPolicy access, AuditLog audit) {
    this.students = students;
    this.access = access;
    this.audit = audit;
  }

  record AuditTrail(StudentSummary student, List<AuditView> entries) {}

  @GetMapping("/api/students/{studentNumber}/audit")
  AuditTrail trail(@PathVariable String studentNumber, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    access.checkReadAudit(user);
    StudentRef student = students.get(studentNumber);
    access.checkView(user, student);
    return new AuditTrail(StudentSummary.of(student), audit.ofStudent(student.id()));
  }
}
