package app.parvandeh.security;

import app.parvandeh.ParvandehApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the application in a JVM of its own (the Camunda webapp keeps its Spring context in static
 * fields, so a second context in the test JVM would spoil the shared one), prints the settings that
 * matter or the refusal, and exits: 0 when it started, 1 when it refused.
 */
public final class ProductionStart {

  private ProductionStart() {}

  public static void main(String[] args) {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(ParvandehApplication.class, args)) {
      Environment environment = context.getEnvironment();
      ProcessEngineConfigurationImpl engine =
          (ProcessEngineConfigurationImpl)
              context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
      for (String key :
          new String[] {
            "server.servlet.session.cookie.secure",
            "server.servlet.session.cookie.http-only",
            "server.servlet.session.timeout",
            "spring.servlet.multipart.max-request-size",
            "spring.servlet.multipart.max-file-size",
            "server.tomcat.max-http-form-post-size",
            "camunda.bpm.webapp.csrf.enable-secure-cookie"
          }) {
        System.out.println("SETTING " + key + "=" + environment.getProperty(key));
      }
      System.out.println("SETTING queryMaxResultsLimit=" + engine.getQueryMaxResultsLimit());
      System.out.println(
          "SETTING deserializationTypeValidationEnabled="
              + engine.isDeserializationTypeValidationEnabled());
      System.out.println(
          "SETTING enableExpressionsInAdhocQueries=" + engine.isEnableExpressionsInAdhocQueries());
      System.out.println(
          "SETTING enableExpressionsInStoredQueries="
              + engine.isEnableExpressionsInStoredQueries());
      System.out.println("SETTING authorizationEnabled=" + engine.isAuthorizationEnabled());
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
        cause = cause.getCause();
      }
      System.out.println("REFUSED " + cause.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }
}
