package app.parvandeh.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Where each person's work is: students in the portal, everyone else in the first Camunda webapp
 * their groups may open (Tasklist for clerks, Cockpit for process owners, Admin for administrators
 * without tasks), else the reports. Asked of the engine's own application authorizations, so a new
 * role lands right without a list here.
 */
@Component
public class WorkingScreens {

  static final String PORTAL = "/portal/";
  static final String REPORTS = "/reports/stuck.html";
  private static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin");

  private final AuthorizationService authorizations;

  WorkingScreens(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public String of(CurrentUser user) {
    if (user.isStudent()) {
      return PORTAL;
    }
    List<String> groups = List.copyOf(user.groups());
    for (String app : WEBAPPS) {
      if (authorizations.isUserAuthorized(
          user.id(), groups, Permissions.ACCESS, Resources.APPLICATION, app)) {
        return "/camunda/app/" + app + "/default/";
      }
    }
    return REPORTS;
  }
}
