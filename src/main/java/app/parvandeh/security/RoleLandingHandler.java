package app.parvandeh.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * After login: back to the page asked for, else to the person's working screen ({@link
 * WorkingScreens}).
 */
@Component
class RoleLandingHandler extends SavedRequestAwareAuthenticationSuccessHandler {

  private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
  private final WorkingScreens screens;

  RoleLandingHandler(WorkingScreens screens) {
    this.screens = screens;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    SavedRequest saved = requestCache.getRequest(request, response);
    if (saved == null || saved.getRedirectUrl().contains("/api/")) {
      requestCache.removeRequest(request, response);
      getRedirectStrategy()
          .sendRedirect(request, response, screens.of(CurrentUser.of(authentication)));
      return;
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
