package app.parvandeh.student.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The student module's services for another module's JPA slice test ({@code @Import} this): the
 * implementations are package-private, so a slice cannot name them itself.
 */
@Configuration(proxyBeanMethods = false)
@Import({JpaStudentService.class, JpaStudentInfoEdits.class})
public class StudentModuleSlice {}
