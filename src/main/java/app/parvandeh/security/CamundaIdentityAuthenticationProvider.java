package app.parvandeh.security;

import app.parvandeh.shared.PersianText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity store, through the {@link LoginThrottle}, and maps
 * the user's Camunda groups to authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    // Students type their number with Persian digits as often as not.
    String userId = PersianText.normalize(authentication.getName());
    Object credentials = authentication.getCredentials();
    if (userId.isEmpty() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String client =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "unknown";
    Optional<Duration> wait = throttle.waitFor(client, userId);
    if (wait.isPresent()) {
      throw new LoginThrottledException(wait.get());
    }
    if (!passwordMatches(userId, credentials.toString())) {
      throttle.failed(client, userId);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(client, userId);
    List<SimpleGrantedAuthority> authorities =
        identity.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(id -> new SimpleGrantedAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + id))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  /**
   * A password that is a number (a student's national ID) may be typed in Persian or Arabic-Indic
   * digits on a Persian keyboard; it is also tried with its digits in ASCII, as it was stored.
   * Other passwords are checked as typed.
   */
  private boolean passwordMatches(String userId, String password) {
    if (identity.checkPassword(userId, password)) {
      return true;
    }
    String asciiDigits = PersianText.digits(password);
    return !asciiDigits.equals(password)
        && asciiDigits.length() == password.strip().length()
        && identity.checkPassword(userId, asciiDigits);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
