package app.parvandeh.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Managers read everything and change nothing; process owners and admins have no student data at all. So a user
 * in none of the groups that work on files may only read {@code /api}: any other method is refused before a
 * controller runs, which also covers endpoints added later.
 */
class ReadOnlyRolesGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!READS.contains(request.getMethod()) && authentication != null && authentication.isAuthenticated()
        && CurrentUser.of(authentication).groups().stream().noneMatch(Groups::changesFiles)
        && !processOwnerAdministration(request, CurrentUser.of(authentication))) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", 403);
      body.put("code", "read-only-role");
      body.put("messageFa", "نقش شما فقط خواندنی است و نمی‌توانید پرونده‌ها را تغییر دهید.");
      body.put("messageEn", "Your role is read-only: you cannot change files.");
      response.setStatus(403);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      JSON.writeValue(response.getOutputStream(), body);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Process owners change models, not files: they may call the process administration under /api/admin/. */
  private static boolean processOwnerAdministration(HttpServletRequest request, CurrentUser user) {
    return user.groups().contains(Groups.PROCESS_OWNERS)
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/admin/");
  }
}
