package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.signing.OfficeKey;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production profile refuses demo users and default passwords with a clear message, and starts
 * hardened when clean. Start-ups run in a JVM of their own on a throwaway in-memory H2, so the
 * shared test context is untouched.
 */
@ParvandehIntegrationTest
class ProductionProfileTests {

  @Autowired ProcessEngine engine;
  @Autowired OfficeKey signingKey;

  @Test
  void theProductionProfileRefusesToStartTogetherWithTheDemoProfile() throws Exception {
    Started started = start("postgres,demo");
    assertThat(started.exitCode()).as(started.output()).isEqualTo(1);
    assertThat(started.output())
        .contains("REFUSED Parvandeh refuses to start with the production profile 'postgres'")
        .contains("the 'demo' profile is active")
        .contains("parvandeh.demo.password is set")
        .contains("parvandeh.signing.create-demo-keystore is on")
        .contains("سامانه در حالت عملیاتی");
  }

  @Test
  void aCleanProductionStartIsHardened() throws Exception {
    Path keystore = Files.createTempDirectory("parvandeh-keystore-").resolve("office.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "office-secret",
                "-alias",
                "education-office",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "30",
                "-dname",
                "CN=Education Office,O=University")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    Started started =
        start(
            "postgres",
            "--parvandeh.signing.keystore=" + keystore,
            "--parvandeh.signing.password=office-secret",
            "--parvandeh.signing.alias=education-office");
    assertThat(started.exitCode()).as(started.output()).isZero();
    assertThat(started.output())
        .contains(
            "SETTING server.servlet.session.cookie.secure=true",
            "SETTING server.servlet.session.cookie.http-only=true",
            "SETTING server.servlet.session.timeout=30m",
            "SETTING spring.servlet.multipart.max-request-size=100MB",
            "SETTING server.tomcat.max-http-form-post-size=1MB",
            "SETTING camunda.bpm.webapp.csrf.enable-secure-cookie=true",
            "SETTING queryMaxResultsLimit=1000",
            "SETTING deserializationTypeValidationEnabled=true",
            "SETTING enableExpressionsInAdhocQueries=false",
            "SETTING enableExpressionsInStoredQueries=false",
            "SETTING authorizationEnabled=true");
  }

  @Test
  void usersWithTheDemoOrAnotherDefaultPasswordAreFoundWithoutLockingThem() {
    MockEnvironment production = new MockEnvironment().withProperty("parvandeh.demo.password", "x");
    production.setActiveProfiles("postgres");
    ProductionSafety safety = new ProductionSafety(production, engine, signingKey);
    List<String> guessable = safety.usersWithGuessablePasswords();
    assertThat(guessable)
        .contains("admin", "clerk.eng", "manager", "process.owner")
        .noneMatch(id -> id.matches("\\d+"));
    assertThat(safety.problems())
        .anyMatch(p -> p.contains("clerk.eng") && p.contains("Camunda Admin"))
        .anyMatch(p -> p.contains("parvandeh.demo.password"))
        .anyMatch(p -> p.contains("create-demo-keystore"))
        .noneMatch(p -> p.contains("'demo' profile"));
    assertThat(engine.getIdentityService().checkPassword("clerk.eng", "parvandeh"))
        .as("not locked")
        .isTrue();
  }

  record Started(int exitCode, String output) {}

  /**
   * The application with the given profiles, in its own JVM, on a fresh in-memory H2 and a free
   * port.
   */
  private static Started start(String profiles, String... arguments)
      throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("parvandeh-production-");
    Path log = dataDir.resolve("start.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ProductionStart.class.getName(),
                "--spring.profiles.active=" + profiles,
                "--spring.datasource.url=jdbc:h2:mem:production-"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--camunda.bpm.database.type=h2",
                "--camunda.bpm.job-execution.enabled=false",
                "--server.port=0",
                "--parvandeh.data-dir=" + dataDir,
                "--logging.level.root=warn"));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the application neither started nor refused in 3 minutes");
    }
    return new Started(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
