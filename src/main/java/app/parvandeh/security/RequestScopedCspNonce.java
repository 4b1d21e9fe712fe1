package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' Content-Security-Policy nonce to the request it was made for.
 *
 * <p>Camunda's header filter makes a fresh nonce for every request under {@code /camunda/*}, puts
 * it in the CSP header and stores it as a <em>servlet-context</em> attribute, from which the
 * index-page filter later reads it into the page's {@code <script nonce>}. The context is shared by
 * every request, so a second request arriving in between (another tab, the previous page's last
 * fetches, a second clerk) overwrites it: the page is served with a nonce its own header does not
 * allow, the browser refuses every script, and the clerk sees a blank page with a spinner. Seen in
 * Chromium as Cockpit and Admin never starting under load.
 *
 * <p>Here each request sees the context through a view whose nonce attribute is its own; everything
 * else goes to the real context.
 */
class RequestScopedCspNonce extends OncePerRequestFilter {

  /** Camunda's attribute name ({@code ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE}). */
  static final String NONCE_ATTRIBUTE = "org.camunda.bpm.csp.nonce";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new OwnNonce(request), response);
  }

  private static final class OwnNonce extends HttpServletRequestWrapper {

    private final ServletContext context;
    private volatile Object nonce;

    OwnNonce(HttpServletRequest request) {
      super(request);
      ServletContext shared = request.getServletContext();
      this.context =
          (ServletContext)
              Proxy.newProxyInstance(
                  ServletContext.class.getClassLoader(),
                  new Class<?>[] {ServletContext.class},
                  (proxy, method, arguments) -> {
                    if (arguments != null
                        && arguments.length >= 1
                        && NONCE_ATTRIBUTE.equals(arguments[0])) {
                      switch (method.getName()) {
                        case "getAttribute":
                          return nonce;
                        case "setAttribute":
                          nonce = arguments[1];
                          return null;
                        case "removeAttribute":
                          nonce = null;
                          return null;
                        default:
                          break;
                      }
                    }
                    try {
                      return method.invoke(shared, arguments);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }
  }
}
