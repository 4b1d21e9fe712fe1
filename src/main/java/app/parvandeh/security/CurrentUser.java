package app.parvandeh.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

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
