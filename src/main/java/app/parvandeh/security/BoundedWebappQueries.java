package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our engine refuses list queries without a page size (queryMaxResultsLimit: "An unbound number of
 * results is forbidden!"), and Cockpit lists a definition's versions without one: every definition
 * page logged a 400 and showed no version choice. That one list, asked by the webapps, is given the
 * engine's own limit as its page size; every other unbounded query is still refused.
 */
class BoundedWebappQueries extends OncePerRequestFilter {

  /** Cockpit's "versions of this definition" list. */
  private static final Pattern DEFINITION_LIST =
      Pattern.compile("^/camunda/api/engine/engine/[^/]+/process-definition$");

  private final int limit;

  BoundedWebappQueries(int limit) {
    this.limit = limit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String query = request.getQueryString();
    return !"GET".equals(request.getMethod())
        || !DEFINITION_LIST
            .matcher(request.getServletPath() + nullToEmpty(request.getPathInfo()))
            .matches()
        || query != null
            && Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith("maxResults="));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String bounded =
        (request.getQueryString() == null || request.getQueryString().isEmpty()
                ? ""
                : request.getQueryString() + "&")
            + "maxResults="
            + limit;
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getQueryString() {
            return bounded;
          }
        },
        response);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
