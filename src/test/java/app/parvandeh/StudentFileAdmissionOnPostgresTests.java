package app.parvandeh;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The admission scenario on PostgreSQL (the production profile), without demo data. Runs when
 * {@code PARVANDEH_DB_URL} names a database, as {@code .ci/run} does after starting PostgreSQL.
 */
// The production profile's session cookie is HTTPS-only; this test's client speaks plain HTTP on
// loopback.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.cookie.secure=false")
@ActiveProfiles({"test", "postgres"})
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class StudentFileAdmissionOnPostgresTests extends AdmissionScenario {}
