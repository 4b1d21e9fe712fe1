package app.parvandeh.security;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards in front of the end-of-life engine: after authentication, before Camunda's REST resources. */
@Configuration(proxyBeanMethods = false)
class HardeningConfiguration {

  /** Before the engine's own password checks (HTTP Basic, the webapps' login), which it throttles. */
  @Bean
  FilterRegistrationBean<PasswordDoorThrottle> passwordDoorThrottle(LoginThrottle throttle) {
    FilterRegistrationBean<PasswordDoorThrottle> registration =
        new FilterRegistrationBean<>(new PasswordDoorThrottle(throttle));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /** Outside the engine's own authentication filters, so it sees their final answer (and checks history after). */
  @Bean
  FilterRegistrationBean<TaskCompletionRaces> taskCompletionRaces(HistoryService history) {
    FilterRegistrationBean<TaskCompletionRaces> registration =
        new FilterRegistrationBean<>(new TaskCompletionRaces(history));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ExpressionQueryGuard> expressionQueryGuard() {
    FilterRegistrationBean<ExpressionQueryGuard> registration = new FilterRegistrationBean<>(new ExpressionQueryGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  /** After the expression guard: the rules of our pages at the engine's generic doors (see EngineDoorGuard). */
  @Bean
  FilterRegistrationBean<EngineDoorGuard> engineDoorGuard(IdentityService identity, DeclaredOutputs outputs) {
    FilterRegistrationBean<EngineDoorGuard> registration =
        new FilterRegistrationBean<>(new EngineDoorGuard(identity, outputs));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ReadOnlyRolesGuard> readOnlyRolesGuard() {
    FilterRegistrationBean<ReadOnlyRolesGuard> registration = new FilterRegistrationBean<>(new ReadOnlyRolesGuard());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
