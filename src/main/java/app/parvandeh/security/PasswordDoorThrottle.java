package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link LoginThrottle} in front of the password checks our form login does not see: HTTP Basic
 * on {@code /engine-rest} and the Camunda webapps' own login ({@code
 * /camunda/api/admin/auth/user/{engine}/login/…}). A throttled client gets 429 with Retry-After
 * before any password is checked; afterwards a 401 from the engine's check counts as a wrong
 * password and any other answer as the right one.
 */
final class PasswordDoorThrottle extends OncePerRequestFilter {

  static final String CODE = "login-throttled";
  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login(/.*)?$");

  private final LoginThrottle throttle;

  PasswordDoorThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String account = accountOf(request);
    if (account == null) {
      chain.doFilter(request, response);
      return;
    }
    String client = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(client, account);
    if (wait.isPresent()) {
      response.setHeader("Retry-After", String.valueOf(LoginThrottle.seconds(wait.get())));
      JsonRefusal.write(
          response,
          429,
          CODE,
          LoginThrottle.messageFa(wait.get()),
          LoginThrottle.messageEn(wait.get()),
          null);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(client, account);
    } else {
      throttle.succeeded(client, account);
    }
  }

  /** The account whose password this request presents, or null when it presents none. */
  private static String accountOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/engine-rest/")) {
      return basicUser(request.getHeader("Authorization"));
    }
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      // A form post: reading the parameter parses the body, which Camunda's resource then reads as
      // form params.
      String user = request.getParameter("username");
      return user == null || user.isBlank() ? null : user;
    }
    return null;
  }

  private static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
