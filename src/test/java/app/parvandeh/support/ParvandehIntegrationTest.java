package app.parvandeh.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context (real engine, H2, demo data, real HTTP on a random port) that every
 * end-to-end test class shares: same annotation, same configuration, so Spring starts Camunda once
 * per test run. The tag selects these classes for their second run on PostgreSQL (the
 * postgres-suite execution in pom.xml, see PostgresTestDatabase).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Tag("database")
public @interface ParvandehIntegrationTest {}
