package app.parvandeh.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/** After login: back to the page asked for, else students to the portal and staff to Tasklist. */
@Component
class RoleLandingHandler extends SavedRequestAwareAuthenticationSuccessHandler {

  private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, jakarta.servlet.ServletException {
    SavedRequest saved = requestCache.getRequest(request, response);
    if (saved == null || saved.getRedirectUrl().contains("/api/")) {
      requestCache.removeRequest(request, response);
      getRedirectStrategy().sendRedirect(request, response, landingOf(CurrentUser.of(authentication)));
      return;
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }

  static String landingOf(CurrentUser user) {
    return user.isStudent() ? "/portal/" : "/camunda/app/tasklist/default/";
  }
}
