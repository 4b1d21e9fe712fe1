package app.parvandeh.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The second run of the database tests, on PostgreSQL: when the build sets {@code
 * parvandeh.test.database} to {@code postgresql} (the {@code postgres-suite} execution in pom.xml),
 * a test context keeps its profiles (test, demo) and everything else, but its database is the one
 * {@code PARVANDEH_DB_URL} names, in a schema of its own ({@value #SCHEMA}, or the one a context
 * names in {@code parvandeh.test.database-schema}) that is emptied when the JVM first uses it, so
 * every run begins on an empty database as H2's in-memory one does, and dropped when the context
 * closes. Only these schemas, inside the database the variable names, are ever dropped; the {@code
 * *OnPostgresTests} (production profile) keep to the public schema of the same database.
 */
public class PostgresTestDatabase
    implements EnvironmentPostProcessor, ApplicationListener<ContextClosedEvent> {

  static final String SWITCH = "parvandeh.test.database";
  static final String SCHEMA = "parvandeh_suite";
  private static final String SCHEMA_PROPERTY = "parvandeh.test.database-schema";
  private static final String SOURCE = "postgres-test-database";

  private static final Set<String> EMPTIED = ConcurrentHashMap.newKeySet();

  /** True in the PostgreSQL run of the suite. */
  public static boolean active() {
    return "postgresql".equals(System.getProperty(SWITCH));
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!active() || environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    String schema = environment.getProperty(SCHEMA_PROPERTY, SCHEMA);
    emptied(schema);
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", url(schema));
    properties.put("spring.datasource.username", user());
    properties.put("spring.datasource.password", password());
    // a JPA slice (@DataJpaTest) keeps this database too, instead of an embedded one in its place
    properties.put("spring.test.database.replace", "none");
    properties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/{vendor}");
    properties.put("camunda.bpm.database.type", "postgres");
    // Camunda looks for its tables in this schema only (unnamed, it would find the public schema's
    // and not create its
    // own), and then wants the schema as its table prefix
    properties.put("camunda.bpm.database.schema-name", schema);
    properties.put("camunda.bpm.database.table-prefix", schema + ".");
    properties.put(SCHEMA_PROPERTY, schema);
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
  }

  /**
   * Leaves no tables behind: in another schema they would still be found by Camunda's look for its
   * own.
   */
  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    Environment environment = event.getApplicationContext().getEnvironment();
    if (environment instanceof ConfigurableEnvironment configurable
        && configurable.getPropertySources().contains(SOURCE)
        && event.getApplicationContext().getParent() == null) {
      drop(environment.getProperty(SCHEMA_PROPERTY));
    }
  }

  /**
   * The JDBC URL of {@code schema}, emptied if this JVM has not used it yet. Public stays on the
   * search path for the extensions installed there (pg_trgm's operator classes).
   */
  public static String emptied(String schema) {
    if (EMPTIED.add(schema)) {
      run("drop schema if exists " + schema + " cascade", "create schema " + schema);
      // Extensions are one per database: installed in public, where the *OnPostgresTests contexts'
      // migrations look
      // for pg_trgm too, rather than in this schema by the migration (first on the search path),
      // whence the drop
      // would take it from them.
      try {
        run("create extension if not exists pg_trgm schema public");
      } catch (IllegalStateException notAllowed) {
        // the migration then goes without its trigram index, as it does on any such database
      }
    }
    return url(schema);
  }

  public static void drop(String schema) {
    if (EMPTIED.remove(schema)) {
      run("drop schema if exists " + schema + " cascade");
    }
  }

  private static String url(String schema) {
    String url = required("PARVANDEH_DB_URL");
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
  }

  public static String user() {
    return required("PARVANDEH_DB_USER");
  }

  public static String password() {
    return System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
  }

  private static void run(String... statements) {
    try (Connection connection =
            DriverManager.getConnection(required("PARVANDEH_DB_URL"), user(), password());
        Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL test database: " + e.getMessage(), e);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(SWITCH + "=postgresql needs " + name + " (see .ci/run)");
    }
    return value;
  }
}
