package app.parvandeh.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.student.Student;
import app.parvandeh.student.StudentService;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in. */
@RestController
class MeController {

  private final PeopleNames names;
  private final StudentService students;

  MeController(PeopleNames names, StudentService students) {
    this.names = names;
    this.students = students;
  }

  record Me(String username, String displayName, Set<String> groups, String studentNumber) {}

  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    String name = names.of(user.id());
    String studentNumber = user.isStudent()
        ? students.findByUser(user.id()).map(Student::getStudentNumber).orElse(null) : null;
    return new Me(user.id(), name, user.groups(), studentNumber);
  }
}
