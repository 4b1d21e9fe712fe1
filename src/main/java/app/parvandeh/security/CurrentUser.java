package app.parvandeh.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user's Camunda id and groups. */
public record CurrentUser(String id, Set<String> groups) {

  static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public static CurrentUser of(Authentication authentication) {
    Set<String> groups =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX))
            .map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(authentication.getName(), groups);
  }

  /**
   * The user signed in to this request, or null: Spring's session for the webapps and our API,
   * Camunda's HTTP Basic authentication for /engine-rest.
   */
  static CurrentUser signedIn(IdentityService identity) {
    Authentication spring = SecurityContextHolder.getContext().getAuthentication();
    if (spring != null
        && spring.isAuthenticated()
        && !(spring instanceof AnonymousAuthenticationToken)) {
      return of(spring);
    }
    org.camunda.bpm.engine.impl.identity.Authentication engine =
        identity.getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      return new CurrentUser(
          engine.getUserId(),
          Set.copyOf(engine.getGroupIds() == null ? List.<String>of() : engine.getGroupIds()));
    }
    return null;
  }

  public boolean isStudent() {
    return groups.contains(Groups.STUDENTS);
  }

  public boolean inAny(Iterable<String> candidates) {
    for (String group : candidates) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
