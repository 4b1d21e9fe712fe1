package app.parvandeh.security;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards in front of the end-of-life engine: after authentication, before Camunda's REST resources. */
@Configuration(proxyBeanMethods = false)
class HardeningConfiguration {

  @Bean
  FilterRegistrationBean<ExpressionQueryGuard> expressionQueryGuard() {
    FilterRegistrationBean<ExpressionQueryGuard> registration = new FilterRegistrationBean<>(new ExpressionQueryGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
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
