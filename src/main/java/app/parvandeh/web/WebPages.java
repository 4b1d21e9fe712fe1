package app.parvandeh.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Static pages at their addresses: the portal's folder serves its index page. */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/portal", "/portal/");
    registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
  }
}
