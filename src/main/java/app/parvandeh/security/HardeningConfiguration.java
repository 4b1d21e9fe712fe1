package app.parvandeh.security;

import app.parvandeh.student.StudentService;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Guards in front of the end-of-life engine: after authentication, before Camunda's REST resources.
 */
@Configuration(proxyBeanMethods = false)
class HardeningConfiguration {

  /**
   * Before the engine's own password checks (HTTP Basic, the webapps' login), which it throttles.
   */
  @Bean
  FilterRegistrationBean<PasswordDoorThrottle> passwordDoorThrottle(LoginThrottle throttle) {
    return registered(
        new PasswordDoorThrottle(throttle), -1, "/engine-rest/*", "/camunda/api/admin/auth/*");
  }

  /**
   * Outside the engine's own authentication filters, so it sees their final answer (and checks
   * history after).
   */
  @Bean
  FilterRegistrationBean<TaskCompletionRaces> taskCompletionRaces(
      HistoryService history, IdentityService identity) {
    return registered(
        new TaskCompletionRaces(history, identity), -1, "/engine-rest/*", "/camunda/api/*");
  }

  @Bean
  FilterRegistrationBean<ExpressionQueryGuard> expressionQueryGuard() {
    return registered(new ExpressionQueryGuard(), +2, "/engine-rest/*", "/camunda/api/*");
  }

  /**
   * After the expression guard: the rules of our pages at the engine's generic doors (see
   * EngineDoorGuard).
   */
  @Bean
  FilterRegistrationBean<EngineDoorGuard> engineDoorGuard(
      IdentityService identity,
      TaskService tasks,
      DeclaredOutputs outputs,
      RepositoryService repository,
      StudentService students,
      FileAccessPolicy files) {
    return registered(
        new EngineDoorGuard(identity, tasks, outputs, repository, students, files),
        +3,
        "/engine-rest/*",
        "/camunda/*");
  }

  /**
   * Cockpit's unbounded list of a definition's versions, bounded by the engine's own
   * queryMaxResultsLimit.
   */
  @Bean
  FilterRegistrationBean<BoundedWebappQueries> boundedWebappQueries(ProcessEngine engine) {
    int limit =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getQueryMaxResultsLimit();
    return registered(new BoundedWebappQueries(limit), +4, "/camunda/api/*");
  }

  @Bean
  FilterRegistrationBean<ReadOnlyRolesGuard> readOnlyRolesGuard() {
    return registered(new ReadOnlyRolesGuard(), +2, "/api/*");
  }

  /**
   * Before Camunda's own webapp filters (registered after every Spring filter): the CSP nonce of
   * each page its own (see RequestScopedCspNonce).
   */
  @Bean
  FilterRegistrationBean<RequestScopedCspNonce> requestScopedCspNonce() {
    return registered(new RequestScopedCspNonce(), +5, "/camunda/*");
  }

  /** Registers a guard for the given paths, at an order relative to Spring Security's chain. */
  private static <T extends Filter> FilterRegistrationBean<T> registered(
      T filter, int afterSecurity, String... urlPatterns) {
    FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + afterSecurity);
    return registration;
  }
}
