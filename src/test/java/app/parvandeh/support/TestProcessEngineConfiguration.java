package app.parvandeh.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The standalone engine of the process and decision tests (camunda-test.cfg.xml): in-memory H2 as
 * configured there, and in the PostgreSQL run of the suite ({@link PostgresTestDatabase}) the
 * database {@code PARVANDEH_DB_URL} names, in a schema of its own, apart from the shared context's
 * engine, emptied at start and dropped when the JVM ends (the process tests' engines live as long
 * as it).
 */
public class TestProcessEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

  private static final String SCHEMA = "parvandeh_process_tests";

  @Override
  public ProcessEngine buildProcessEngine() {
    if (PostgresTestDatabase.active()) {
      setJdbcUrl(PostgresTestDatabase.emptied(SCHEMA));
      setJdbcDriver("org.postgresql.Driver");
      setJdbcUsername(PostgresTestDatabase.user());
      setJdbcPassword(PostgresTestDatabase.password());
      setDatabaseType("postgres");
      setDatabaseSchema(SCHEMA);
      setDatabaseTablePrefix(SCHEMA + ".");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> PostgresTestDatabase.drop(SCHEMA), "drop-" + SCHEMA));
    }
    return super.buildProcessEngine();
  }
}
