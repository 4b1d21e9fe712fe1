package app.parvandeh.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 *
 * <p>It is built {@code concurrently}, so a node that starts beside a running one (the first start
 * of a new version in a cluster) does not hold up that node's history writes while it reads the
 * table. A concurrent build that was cut short (the node killed, the build cancelled) leaves an
 * invalid index behind, which PostgreSQL keeps up to date but never reads; such an index is dropped
 * and built again, unless a build of it is still going on. One node at a time looks at the index
 * and acts on it, under a session advisory lock (released when the session ends, also by a kill); a
 * node that finds the lock taken leaves the index to the node holding it, so two nodes starting
 * together never drop an index the other has just built or is building.
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

  /** The index's state in the catalogue. */
  enum State {
    ABSENT,
    VALID,
    INVALID,
    BEING_BUILT
  }

  static void create(DataSource dataSource, String tablePrefix) {
    // The index lives in its table's schema: the prefix's, or the search path's without one.
    int dot = tablePrefix.lastIndexOf('.');
    String schema = dot < 0 ? null : tablePrefix.substring(0, dot);
    String index = schema == null ? NAME : schema + "." + NAME;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      // A concurrent build cannot run inside a transaction.
      connection.setAutoCommit(true);
      if (!advisoryLock(connection, "pg_try_advisory_lock", schema)) {
        log.info("The index of open steps {} is being seen to by another node", index);
        return;
      }
      try {
        State state = state(connection, index);
        if (state == State.INVALID) {
          log.warn(
              "The index of open steps {} was left invalid by a build cut short; built again",
              index);
          statement.execute("drop index concurrently if exists " + index);
          state = State.ABSENT;
        }
        if (state == State.ABSENT) {
          statement.execute(
              "create index concurrently if not exists "
                  + NAME
                  + " on "
                  + tablePrefix
                  + "ACT_HI_ACTINST (PROC_DEF_ID_, ACT_ID_, START_TIME_) where END_TIME_ is null");
        }
      } finally {
        advisoryLock(connection, "pg_advisory_unlock", schema);
      }
    } catch (SQLException e) {
      // The report is only slower without it; the next start tries again.
      log.warn("The index of open steps {} could not be made", index, e);
    }
  }

  /**
   * Takes or gives up the session's advisory lock on the index (named with its schema: the given
   * one, or the search path's first).
   */
  static boolean advisoryLock(Connection connection, String function, String schema)
      throws SQLException {
    try (PreparedStatement call =
        connection.prepareStatement(
            "select "
                + function
                + "(hashtext(coalesce(?, current_schema()) || '.' || '"
                + NAME
                + "'))")) {
      call.setString(1, schema);
      try (ResultSet row = call.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  static State state(Connection connection, String index) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select i.indisvalid, exists (select 1 from pg_stat_progress_create_index p"
                + " where p.index_relid = i.indexrelid)"
                + " from pg_index i where i.indexrelid = to_regclass(?)")) {
      query.setString(1, index);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return State.ABSENT;
        }
        if (row.getBoolean(1)) {
          return State.VALID;
        }
        return row.getBoolean(2) ? State.BEING_BUILT : State.INVALID;
      }
    }
  }
}
