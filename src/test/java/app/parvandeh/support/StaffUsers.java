package app.parvandeh.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Staff users a scenario makes for itself (so it runs on a database that has no demo users, e.g.
 * PostgreSQL in the production profile): named «کاربر <id>», in one group, with the scenarios'
 * shared test password.
 */
public final class StaffUsers {

  public static final String PASSWORD = "Test-Pass-2024";

  private StaffUsers() {}

  /** Creates the user in the group and returns its id. */
  public static String create(IdentityService identity, String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName("کاربر");
    user.setLastName(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }
}
