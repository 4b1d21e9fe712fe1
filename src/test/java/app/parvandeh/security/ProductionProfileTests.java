package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.ParvandehApplication;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The production profile refuses demo users and default passwords with a clear message, and starts hardened when
 * clean. Start-ups use a throwaway in-memory H2 and their own engine name, so the shared test context is untouched.
 */
@ParvandehIntegrationTest
class ProductionProfileTests {

  @Autowired
  ProcessEngine engine;

  @Test
  void theProductionProfileRefusesToStartTogetherWithTheDemoProfile() throws Exception {
    assertThatThrownBy(() -> start("postgres", "demo").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refuses to start with the production profile 'postgres'")
        .hasMessageContaining("the 'demo' profile is active")
        .hasMessageContaining("parvandeh.demo.password is set")
        .hasMessageContaining("سامانه در حالت عملیاتی");
  }

  @Test
  void aCleanProductionStartIsHardened() throws Exception {
    try (ConfigurableApplicationContext context = start("postgres")) {
      Environment environment = context.getEnvironment();
      assertThat(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
      assertThat(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
      assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
      assertThat(DataSize.parse(environment.getProperty("spring.servlet.multipart.max-request-size")))
          .isLessThanOrEqualTo(DataSize.ofMegabytes(100));
      assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isTrue();
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) context
          .getBean(ProcessEngine.class).getProcessEngineConfiguration();
      assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(1000);
      assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
      assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
      assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
      assertThat(configuration.isAuthorizationEnabled()).isTrue();
    }
  }

  @Test
  void usersWithTheDemoOrAnotherDefaultPasswordAreFoundWithoutLockingThem() {
    MockEnvironment production = new MockEnvironment().withProperty("parvandeh.demo.password", "x");
    production.setActiveProfiles("postgres");
    ProductionSafety safety = new ProductionSafety(production, engine);
    List<String> guessable = safety.usersWithGuessablePasswords();
    assertThat(guessable).contains("admin", "clerk.eng", "manager", "process.owner")
        .noneMatch(id -> id.matches("\\d+"));
    assertThat(safety.problems()).anyMatch(p -> p.contains("clerk.eng") && p.contains("Camunda Admin"))
        .anyMatch(p -> p.contains("parvandeh.demo.password"))
        .noneMatch(p -> p.contains("'demo' profile"));
    assertThat(engine.getIdentityService().checkPassword("clerk.eng", "parvandeh")).as("not locked").isTrue();
  }

  /** The application with the given profiles on a fresh in-memory H2, its own engine name and a free port. */
  private static ConfigurableApplicationContext start(String... profiles) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Path dataDir = Files.createTempDirectory("parvandeh-production-");
    return new SpringApplicationBuilder(ParvandehApplication.class).profiles(profiles).run(
        "--spring.datasource.url=jdbc:h2:mem:production-" + id + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--camunda.bpm.database.type=h2", "--camunda.bpm.process-engine-name=production" + id,
        "--camunda.bpm.job-execution.enabled=false", "--server.port=0", "--spring.jmx.enabled=false",
        "--parvandeh.data-dir=" + dataDir, "--logging.level.root=warn");
  }
}
