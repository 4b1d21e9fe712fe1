package app.parvandeh.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The file page at {@code /file/?n=<student number>}. */
@Configuration(proxyBeanMethods = false)
class FilePages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/file", "/file/");
    registry.addViewController("/file/").setViewName("forward:/file/index.html");
  }
}
