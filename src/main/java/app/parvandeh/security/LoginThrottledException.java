package app.parvandeh.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked: this client must wait (see {@link
 * LoginThrottle}).
 */
class LoginThrottledException extends AuthenticationException {

  private final transient Duration wait;

  LoginThrottledException(Duration wait) {
    super("Too many failed sign-ins; retry in " + LoginThrottle.seconds(wait) + " s");
    this.wait = wait;
  }

  Duration getWait() {
    return wait;
  }
}
