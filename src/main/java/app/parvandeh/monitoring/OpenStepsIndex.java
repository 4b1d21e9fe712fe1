package app.parvandeh.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index of the engine's open steps on PostgreSQL, for the stuck-files report: a partial index of
 * {@code ACT_HI_ACTINST} rows without an end, by definition, step and start. Nearly every file of
 * an archive has one open step, its wait for the end of study, which the report leaves out; with
 * this index the report's query goes straight to the other steps' rows instead of reading all of
 * them (50,000 heap rows for 500 stuck files at archive scale). It is made after the engine has
 * created or updated its tables, which happens after Flyway's migrations, so it cannot be one of
 * them; it is made once (if not there yet) and costs an entry only while a step is open. Left out
 * on H2, which has no partial indexes: a whole index would tax every step of every file.
 */
@Component
class OpenStepsIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "ix_hi_actinst_open_step";

  private static final Logger log = LoggerFactory.getLogger(OpenStepsIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if ("postgres".equals(configuration.getDatabaseType())) {
      create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  private static void create(DataSource dataSource, String tablePrefix) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute(
          "create index if not exists "
              + NAME
              + " on "
              + tablePrefix
              + "ACT_HI_ACTINST (PROC_DEF_ID_, ACT_ID_, START_TIME_) where END_TIME_ is null");
    } catch (SQLException e) {
      // Another node starting at the same moment may have made it first; the report is only
      // slower without it.
      log.warn("The index of open steps {} could not be made", NAME, e);
    }
  }
}
