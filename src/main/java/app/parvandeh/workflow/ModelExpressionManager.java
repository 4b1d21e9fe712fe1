package app.parvandeh.workflow;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with two limits, for expressions that were never checked at
 * deployment (stored before the check existed, or evaluated through an API): only the model beans
 * ({@link ModelBeans}) resolve by name, not every bean of the context, and no expression may step
 * into reflection or the engine's services.
 */
class ModelExpressionManager extends SpringExpressionManager {

  /** Members that lead from any object to classes, class loaders or the engine API. */
  static final Set<String> REFUSED_MEMBERS =
      Set.of(
          "class",
          "getClass",
          "forName",
          "classLoader",
          "getClassLoader",
          "processEngine",
          "getProcessEngine",
          "processEngineServices",
          "getProcessEngineServices");

  ModelExpressionManager(ApplicationContext context, Supplier<Set<String>> modelBeanNames) {
    super(context, new ModelBeanMap(context, modelBeanNames));
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new ReflectionRefusingResolver());
    resolver.add(super.createElResolver());
    return resolver;
  }

  /**
   * The model beans by name, fetched from the context when an expression asks (they are created
   * after the engine).
   */
  private static final class ModelBeanMap extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private final Supplier<Set<String>> names;

    ModelBeanMap(ApplicationContext context, Supplier<Set<String>> names) {
      this.context = context;
      this.names = names;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names.get().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names.get().stream()
          .map(name -> Map.entry((Object) name, context.getBean(name)))
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /** First in the chain: refuses, never resolves. */
  private static final class ReflectionRefusingResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public Object invoke(
        ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      refuse(base, method);
      return null;
    }

    private static void refuse(Object base, Object member) {
      if (base != null
          && (base instanceof Class<?>
              || base instanceof ClassLoader
              || base instanceof java.lang.reflect.Member
              || REFUSED_MEMBERS.contains(String.valueOf(member)))) {
        throw new ELException(
            "Expressions may not use '" + member + "' on " + base.getClass().getName());
      }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      refuse(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
