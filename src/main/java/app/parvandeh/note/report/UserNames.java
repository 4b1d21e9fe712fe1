package app.parvandeh.note.report;

import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The name a person reads where a login was stored (a note's author, who issued a certificate). */
@Component
class UserNames {

  private final IdentityService identity;

  UserNames(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * First and last name as Camunda's identity store has them; null for a system author («golestan»)
   * or no name.
   */
  String of(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return null;
    }
    String name =
        (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), ""))
            .strip();
    return name.isEmpty() ? null : name;
  }
}
