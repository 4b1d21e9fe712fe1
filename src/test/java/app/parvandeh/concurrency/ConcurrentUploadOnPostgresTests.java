package app.parvandeh.concurrency;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ConcurrentUploadScenario} on PostgreSQL, whose row locks and isolation differ from H2's.
 * Runs when {@code PARVANDEH_DB_URL} names a database, as {@code .ci/run} does.
 */
// Same configuration as StudentFileAdmissionOnPostgresTests, so the PostgreSQL JVM starts one
// context for both.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.cookie.secure=false")
@ActiveProfiles({"test", "postgres"})
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class ConcurrentUploadOnPostgresTests extends ConcurrentUploadScenario {}
