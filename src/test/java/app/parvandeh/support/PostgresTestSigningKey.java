package app.parvandeh.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The in-JVM PostgreSQL test contexts (profiles "test" and "postgres") start under the production
 * start check, which refuses to start without the office's signing keystore: this gives them one,
 * made with the JDK's keytool in a temporary folder (no key is committed). Started applications of
 * other tests (the production profile alone, in a child JVM) are left alone, so their refusals are
 * still tested.
 */
public class PostgresTestSigningKey implements EnvironmentPostProcessor {

  private static final String PASSWORD = "test-office-signing";
  private static final String ALIAS = "office";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("test & postgres"))
        || !environment.getProperty("parvandeh.signing.keystore", "").isBlank()) {
      return;
    }
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "postgres-test-signing-key",
                Map.of(
                    "parvandeh.signing.keystore",
                    keystore().toString(),
                    "parvandeh.signing.password",
                    PASSWORD,
                    "parvandeh.signing.alias",
                    ALIAS)));
  }

  private static Path keystore() {
    try {
      Path keystore = Files.createTempDirectory("parvandeh-test-signing").resolve("office.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  keystore.toString(),
                  "-storepass",
                  PASSWORD,
                  "-alias",
                  ALIAS,
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-validity",
                  "30",
                  "-dname",
                  "CN=Test Education Office,O=University")
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes());
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException(
            "keytool could not make the test signing keystore: " + output);
      }
      keystore.toFile().deleteOnExit();
      keystore.getParent().toFile().deleteOnExit();
      return keystore;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
