package app.parvandeh.workflow;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The one place that says which Spring beans a deployed model may name: the delegates and listeners
 * of this package and of the process modules (admission, clearance, study documents), and {@link
 * WorkflowSettings}. Everything else in the context (services, repositories, the engine itself) is
 * out of reach of BPMN, both when a model is deployed ({@link ModelDeploymentGuard}) and when an
 * expression is evaluated ({@link ModelDeploymentGuardPlugin}).
 */
final class ModelBeans {

  /**
   * The packages whose delegates and listeners the models run. The process modules depend on this
   * one, so they are named here rather than imported; their sub-packages (web) hold none.
   */
  private static final Set<String> PACKAGES =
      Stream.of("workflow", "admission", "clearance", "studydocs")
          .map(module -> "app.parvandeh." + module)
          .collect(Collectors.toUnmodifiableSet());

  private ModelBeans() {}

  static boolean isModelBean(Class<?> type) {
    return PACKAGES.contains(type.getPackageName())
        && (JavaDelegate.class.isAssignableFrom(type)
            || TaskListener.class.isAssignableFrom(type)
            || ExecutionListener.class.isAssignableFrom(type)
            || type == WorkflowSettings.class);
  }

  /** Name → class of the model beans, read from bean definitions without creating any bean. */
  static Map<String, Class<?>> in(ListableBeanFactory beans) {
    Map<String, Class<?>> found = new TreeMap<>();
    for (String name : beans.getBeanDefinitionNames()) {
      Class<?> type = beans.getType(name, false);
      if (type != null && isModelBean(ClassUtils.getUserClass(type))) {
        found.put(name, ClassUtils.getUserClass(type));
      }
    }
    return found;
  }
}
