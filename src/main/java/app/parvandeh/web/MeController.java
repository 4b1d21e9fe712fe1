package app.parvandeh.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.student.Student;
import app.parvandeh.student.StudentService;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in. */
@RestController
class MeController {

  private final IdentityService identity;
  private final StudentService students;

  MeController(IdentityService identity, StudentService students) {
    this.identity = identity;
    this.students = students;
  }

  record Me(String username, String displayName, Set<String> groups, String studentNumber) {}

  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    User camundaUser = identity.createUserQuery().userId(user.id()).singleResult();
    String name = camundaUser == null ? user.id() : camundaUser.getFirstName() + " " + camundaUser.getLastName();
    String studentNumber = user.isStudent()
        ? students.findByUser(user.id()).map(Student::getStudentNumber).orElse(null) : null;
    return new Me(user.id(), name, user.groups(), studentNumber);
  }
}
