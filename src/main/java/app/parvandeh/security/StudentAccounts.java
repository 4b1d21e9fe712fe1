package app.parvandeh.security;

import app.parvandeh.student.StudentAdmitted;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentRenamed;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every admitted student a Camunda account, in the admitting transaction: user id = student
 * number, first password = national ID (as Golestan does), member of the students group.
 */
@Component
class StudentAccounts {

  private final IdentityService identity;

  StudentAccounts(IdentityService identity) {
    this.identity = identity;
  }

  /** The portal and Tasklist greet the student by the corrected name. */
  @EventListener
  void onStudentRenamed(StudentRenamed event) {
    User user = identity.createUserQuery().userId(event.userId()).singleResult();
    if (user != null) {
      user.setFirstName(event.firstName());
      user.setLastName(event.lastName());
      identity.saveUser(user);
    }
  }

  @EventListener
  void onStudentAdmitted(StudentAdmitted event) {
    StudentRef student = event.student();
    if (identity.createUserQuery().userId(student.userId()).count() > 0) {
      return;
    }
    User user = identity.newUser(student.userId());
    user.setFirstName(student.firstName());
    user.setLastName(student.lastName());
    user.setPassword(student.nationalId());
    identity.saveUser(user);
    identity.createMembership(student.userId(), Groups.STUDENTS);
  }
}
