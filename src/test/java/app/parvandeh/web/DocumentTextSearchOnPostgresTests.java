package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Search inside documents on PostgreSQL, where the page text has a trigram index (db/postgresql).
 * Same configuration as StudentFileAdmissionOnPostgresTests, so the PostgreSQL JVM starts one
 * context for both; runs when {@code PARVANDEH_DB_URL} names a database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.cookie.secure=false")
@ActiveProfiles({"test", "postgres"})
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class DocumentTextSearchOnPostgresTests extends DocumentTextSearchScenario {

  @Autowired JdbcTemplate jdbc;

  /**
   * The search's candidates come from these (docs/benchmarks.md, "Archive scale"): without them it
   * reads all.
   */
  @Test
  void studentAndDocumentSearchTextHaveTrigramIndexes() {
    assertThat(
            jdbc.queryForList(
                "select tablename || ' ' || indexdef from pg_indexes where schemaname ="
                    + " current_schema() and indexdef like '%gin_trgm_ops%' order by tablename",
                String.class))
        .anySatisfy(
            i -> assertThat(i).startsWith("document ").contains("(search_text gin_trgm_ops)"))
        .anySatisfy(
            i -> assertThat(i).startsWith("student ").contains("(search_text gin_trgm_ops)"));
  }
}
