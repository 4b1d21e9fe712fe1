package app.parvandeh.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The second run of the shared test context, on PostgreSQL: when the build sets {@code parvandeh.test.database} to
 * {@code postgresql} (the {@code postgres-suite} execution in pom.xml), the test context keeps its profiles (test,
 * demo) and everything else, but its database is the one {@code PARVANDEH_DB_URL} names, in a schema of its own that
 * is emptied when the JVM first starts a context, so every run begins on an empty database as H2's in-memory one
 * does. Only that schema, inside the database the variable names, is ever dropped.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor {

  static final String SWITCH = "parvandeh.test.database";
  /** Apart from {@code public}, where the {@code *OnPostgresTests} contexts put their tables in the same database. */
  static final String SCHEMA = "parvandeh_suite";

  private static boolean emptied;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!"postgresql".equals(System.getProperty(SWITCH)) || !environment.acceptsProfiles(Profiles.of("test"))
        || environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    String url = required("PARVANDEH_DB_URL");
    String user = required("PARVANDEH_DB_USER");
    String password = System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
    emptyOnce(url, user, password);
    Map<String, Object> properties = new HashMap<>();
    // public stays on the search path for the extensions installed there (pg_trgm's operator classes)
    properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA
        + ",public");
    properties.put("spring.datasource.username", user);
    properties.put("spring.datasource.password", password);
    properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/{vendor}");
    properties.put("camunda.bpm.database.type", "postgres");
    // Camunda looks for its tables in this schema only (unnamed, it would find the public schema's and not create its
    // own), and then wants the schema as its table prefix
    properties.put("camunda.bpm.database.schema-name", SCHEMA);
    properties.put("camunda.bpm.database.table-prefix", SCHEMA + ".");
    environment.getPropertySources().addFirst(new MapPropertySource("postgres-test-database", properties));
  }

  private static synchronized void emptyOnce(String url, String user, String password) {
    if (emptied) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute("drop schema if exists " + SCHEMA + " cascade");
      sql.execute("create schema " + SCHEMA);
      // Extensions are one per database: installed in public, where the *OnPostgresTests contexts' migrations look for
      // pg_trgm too, rather than in this schema by the migration (first on the search path), whence the next run's
      // drop above would take it from them.
      try {
        sql.execute("create extension if not exists pg_trgm schema public");
      } catch (SQLException notAllowed) {
        // the migration then goes without its trigram index, as it does on any such database
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not empty schema " + SCHEMA + " in " + url + ": " + e.getMessage(), e);
    }
    emptied = true;
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(SWITCH + "=postgresql needs " + name + " (see .ci/run)");
    }
    return value;
  }
}
