package app.parvandeh.security;

import app.parvandeh.shared.ParvandehException;
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
      // Someone made this login by hand (Camunda Admin, the engine's API) before the file existed:
      // it has a password and groups the student never got, so it is not handed to them.
      throw ParvandehException.conflict(
          "student-login-exists",
          "حساب کاربری «"
              + student.userId()
              + "» پیش از این پرونده در سامانه ساخته شده است و از آنِ این دانشجو نیست؛"
              + " پرونده باز نشد. مدیر سامانه باید آن حساب را بررسی یا حذف کند.",
          "A login named '"
              + student.userId()
              + "' was made before this file and is not this student's; the file was not"
              + " opened. An administrator must review or remove that account.");
    }
    User user = identity.newUser(student.userId());
    user.setFirstName(student.firstName());
    user.setLastName(student.lastName());
    user.setPassword(student.nationalId());
    identity.saveUser(user);
    identity.createMembership(student.userId(), Groups.STUDENTS);
  }
}
