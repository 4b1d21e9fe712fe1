package app.parvandeh.audit.internal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The audit log for another module's JPA slice test, which cannot name its package-private
 * implementation.
 */
@TestConfiguration
@Import(JpaAuditLog.class)
public class AuditSlice {}
