package app.parvandeh.web;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Search inside documents on PostgreSQL, where the page text has a trigram index (db/postgresql). Same configuration
 * as StudentFileAdmissionOnPostgresTests, so the PostgreSQL JVM starts one context for both; runs when
 * {@code PARVANDEH_DB_URL} names a database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.cookie.secure=false")
@ActiveProfiles({"test", "postgres"})
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class DocumentTextSearchOnPostgresTests extends DocumentTextSearchScenario {}
