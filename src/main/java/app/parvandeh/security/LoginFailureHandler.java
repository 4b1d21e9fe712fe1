package app.parvandeh.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page: "wrong user name or password", or, when throttled, how many seconds to
 * wait.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String target =
        e instanceof LoginThrottledException throttled
            ? "/login?wait=" + LoginThrottle.seconds(throttled.getWait())
            : "/login?error";
    response.sendRedirect(request.getContextPath() + target);
  }
}
