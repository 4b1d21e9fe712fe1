package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for our pages, our API and Camunda's webapps. Spring Security's form login
 * authenticates against Camunda's identity store; Camunda's container-based filter then takes the
 * user from the servlet request, so Tasklist and Cockpit need no second login. {@code /engine-rest}
 * is guarded by Camunda's own HTTP Basic filter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CSRF_COOKIE = "PARVANDEH-XSRF";
  static final String CSRF_HEADER = "X-PARVANDEH-XSRF";

  /**
   * The engine's REST API: stateless, authenticated per request by Camunda's HTTP Basic filter
   * below.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .build();
  }

  /**
   * Metrics for managers and for a Prometheus scraper (HTTP Basic as a managers-group user); health
   * stays open for load balancers. Nothing here changes state, so there is no CSRF to guard.
   */
  @Bean
  @Order(2)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(new AntPathRequestMatcher("/actuator/**"))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        new AntPathRequestMatcher("/actuator/health/**"),
                        new AntPathRequestMatcher("/actuator/health"))
                    .permitAll()
                    .anyRequest()
                    .hasAuthority(CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.MANAGERS))
        // A manager's signed-in session works too; a scraper sends HTTP Basic and gets no session.
        .httpBasic(b -> b.realmName("parvandeh-metrics"))
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain applicationChain(HttpSecurity http, RoleLandingHandler landing)
      throws Exception {
    CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    // Not XSRF-TOKEN: that name is Camunda's own webapp CSRF cookie.
    csrfTokens.setCookieName(CSRF_COOKIE);
    csrfTokens.setHeaderName(CSRF_HEADER);
    csrfTokens.setCookiePath("/");
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/login.html",
                        "/css/**",
                        "/js/login.js",
                        "/js/kit.js",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(landing)
                    .failureHandler(new LoginFailureHandler())
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .csrf(
            c ->
                c.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    // Camunda's webapps carry their own CSRF filter and token.
                    .ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**")))
        .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new JsonRefusal(401), new AntPathRequestMatcher("/api/**"))
                    .defaultAccessDeniedHandlerFor(
                        new JsonRefusal(403), new AntPathRequestMatcher("/api/**")))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        // The review form previews PDFs in a frame of Tasklist, on this same origin.
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /**
   * Hands the signed-in Spring user to Tasklist, Cockpit and Admin; after Spring's chain, or they
   * answer 401.
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            ContainerBasedAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * {@code /engine-rest} answers only to a valid Camunda user (HTTP Basic); anonymous calls get
   * 401.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** Loads the deferred CSRF token on every response so static pages always find the cookie. */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
