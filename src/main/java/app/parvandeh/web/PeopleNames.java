package app.parvandeh.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The names people read instead of logins: «زهرا احمدی», not «clerk.eng». */
@Component
class PeopleNames {

  private final IdentityService identity;

  PeopleNames(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * First and last name of a user, or the id itself (e.g. «golestan», a system author) when there
   * is no user.
   */
  String of(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null
        ? userId
        : (Objects.toString(user.getFirstName(), "")
                + " "
                + Objects.toString(user.getLastName(), ""))
            .strip();
  }

  /**
   * Names of the given users, for a page that shows who did what; ids without a user are left out.
   */
  Map<String, String> of(Collection<String> userIds) {
    Map<String, String> names = new LinkedHashMap<>();
    userIds.stream()
        .filter(Objects::nonNull)
        .distinct()
        .forEach(
            id -> {
              String name = of(id);
              if (!name.equals(id)) {
                names.put(id, name);
              }
            });
    return names;
  }
}
