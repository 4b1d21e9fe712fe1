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
 * One Content-Security-Policy nonce per request for Camunda's webapps. Camunda 7.24 keeps "the" nonce in a single
 * servlet-context attribute: its header filter writes a fresh one there for every request under /camunda, and its page
 * filter reads it back when it writes a webapp's page into the answer. With two requests at once (the page a user
 * leaves still loading its scripts while the next page is asked for) a page got the other request's nonce, the
 * browser refused every script on it and Tasklist, Cockpit, Admin or Welcome stayed on its loading spinner for good.
 * In front of Camunda's filters, each request sees that one attribute as its own (a request attribute); every other
 * use of the servlet context reaches the real one.
 */
final class WebappNonces extends OncePerRequestFilter {

  /** The attribute Camunda's ContentSecurityPolicyProvider writes and ProcessEnginesFilter reads. */
  static final String CAMUNDA_NONCE = "org.camunda.bpm.csp.nonce";
  private static final String OWN_NONCE = WebappNonces.class.getName() + ".nonce";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ServletContext own = nonceOfItsOwn(request.getServletContext(), request);
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public ServletContext getServletContext() {
        return own;
      }
    }, response);
  }

  private static ServletContext nonceOfItsOwn(ServletContext shared, HttpServletRequest request) {
    return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
        new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
          if (args != null && args.length > 0 && CAMUNDA_NONCE.equals(args[0])) {
            switch (method.getName()) {
              case "getAttribute":
                return request.getAttribute(OWN_NONCE);
              case "setAttribute":
                request.setAttribute(OWN_NONCE, args[1]);
                return null;
              case "removeAttribute":
                request.removeAttribute(OWN_NONCE);
                return null;
              default:
                break;
            }
          }
          try {
            return method.invoke(shared, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
