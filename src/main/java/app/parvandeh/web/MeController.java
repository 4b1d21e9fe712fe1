package app.parvandeh.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, and what they may do that a page offers or hides (the server checks each
 * again): the pages read these instead of keeping their own copy of the groups a rule names.
 */
@RestController
class MeController {

  private final PeopleNames names;
  private final StudentService students;
  private final FileAccessPolicy access;

  MeController(PeopleNames names, StudentService students, FileAccessPolicy access) {
    this.names = names;
    this.students = students;
    this.access = access;
  }

  /**
   * {@code exportFiles}: a file's export carries its audit trail, so it is for the trail's readers.
   */
  record Capabilities(boolean readAudit, boolean exportFiles) {}

  record Me(
      String username,
      String displayName,
      Set<String> groups,
      String studentNumber,
      Capabilities capabilities) {}

  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    String name = names.of(user.id());
    String studentNumber =
        user.isStudent()
            ? students.findByUser(user.id()).map(StudentRef::studentNumber).orElse(null)
            : null;
    boolean readAudit = access.canReadAudit(user);
    return new Me(
        user.id(), name, user.groups(), studentNumber, new Capabilities(readAudit, readAudit));
  }
}
