package app.parvandeh.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class whose work is done by {@link ChildApplication}s: the test JVM mostly waits while the
 * child starts, works, is killed and starts again. In the H2 run (surefire's default-test
 * execution, which enables JUnit's parallel execution) such classes run on a second lane beside the
 * classes of the shared context, one class at a time (the lock), so their waiting overlaps the
 * shared context's work instead of adding to it. Elsewhere (parallel execution off) the annotation
 * changes nothing. A class on this lane must not use the shared context, nor anything of the test
 * JVM that another class changes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ChildApplicationTest.LANE)
public @interface ChildApplicationTest {

  /** The lock the classes on the lane share, so they run one after another. */
  String LANE = "parvandeh.child-application-lane";
}
