package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Managers read everything and change nothing; process owners and admins have no student data at
 * all. So a user in none of the groups that work on files may only read {@code /api}: any other
 * method is refused before a controller runs, which also covers endpoints added later. The
 * exceptions are each named below (process owners' administration, managers starting a fixity
 * audit, backups, bulk exports, signature verification).
 */
class ReadOnlyRolesGuard extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!READS.contains(request.getMethod())
        && authentication != null
        && authentication.isAuthenticated()
        && CurrentUser.of(authentication).groups().stream().noneMatch(Groups::changesFiles)
        && !processOwnerAdministration(request, CurrentUser.of(authentication))
        && !managerStartingAnAudit(request, CurrentUser.of(authentication))
        && !adminBackup(request, CurrentUser.of(authentication))
        && !bulkExport(request)
        && !signatureVerification(request)) {
      JsonRefusal.write(
          response,
          403,
          "read-only-role",
          "نقش شما فقط خواندنی است و نمی‌توانید پرونده‌ها را تغییر دهید.",
          "Your role is read-only: you cannot change files.",
          null);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Managers answer for the archive's preservation: they may start a fixity audit, which changes no
   * file (a repair only puts back bytes whose SHA-256 the file already records).
   */
  private static boolean managerStartingAnAudit(HttpServletRequest request, CurrentUser user) {
    return user.groups().contains(Groups.MANAGERS)
        && "POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/api/preservation/audits");
  }

  /**
   * Process owners change models, not files: they may call the process administration under
   * /api/admin/.
   */
  private static boolean processOwnerAdministration(HttpServletRequest request, CurrentUser user) {
    return user.groups().contains(Groups.PROCESS_OWNERS)
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/admin/");
  }

  /**
   * Starting a bulk export reads files and changes none: managers may (the controller checks who
   * reads).
   */
  private static boolean bulkExport(HttpServletRequest request) {
    return request.getRequestURI().equals(request.getContextPath() + "/api/exports");
  }

  /** Verifying a signature reads the upload and stores nothing: any signed-in role may. */
  private static boolean signatureVerification(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request
            .getRequestURI()
            .equals(request.getContextPath() + "/api/signatures/verifications");
  }

  /** Starting a backup reads everything and changes no file: system administrators may. */
  private static boolean adminBackup(HttpServletRequest request, CurrentUser user) {
    return user.groups().contains(Groups.ADMINS)
        && request.getRequestURI().equals(request.getContextPath() + "/api/admin/backups");
  }
}
