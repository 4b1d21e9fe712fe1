package app.parvandeh.workflow;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The one place that says which Spring beans a deployed model may name: the delegates and listeners
 * of this package, and {@link WorkflowSettings}. Everything else in the context (services,
 * repositories, the engine itself) is out of reach of BPMN, both when a model is deployed ({@link
 * ModelDeploymentGuard}) and when an expression is evaluated ({@link ModelDeploymentGuardPlugin}).
 */
final class ModelBeans {

  private ModelBeans() {}

  static boolean isModelBean(Class<?> type) {
    return type.getPackageName().equals(ModelBeans.class.getPackageName())
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
