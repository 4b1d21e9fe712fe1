package app.parvandeh.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentSummary;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Clerks find students by number, national ID or name, typed with any digits and letter forms. */
@RestController
class StudentSearchController {

  private static final int LIMIT = 50;

  private final StudentService students;
  private final FileAccessPolicy access;

  StudentSearchController(StudentService students, FileAccessPolicy access) {
    this.students = students;
    this.access = access;
  }

  @GetMapping("/api/students")
  List<StudentSummary> search(@RequestParam("q") String query, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (user.isStudent()) {
      throw ParvandehException.forbidden(
          "جست‌وجوی دانشجویان ویژه کارکنان است.", "Searching students is for staff.");
    }
    return students.search(query, access.scope(user), LIMIT).stream()
        .map(StudentSummary::of)
        .toList();
  }
}
