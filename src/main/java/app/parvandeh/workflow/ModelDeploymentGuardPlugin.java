package app.parvandeh.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Puts the model checks inside the engine, so that no door (engine REST, Cockpit's and Modeler's
 * webapp API, redeploy, Java API, our own start-up deployment) can deploy around them: a
 * pre-deployer that refuses models which run code ({@link ModelDeploymentGuard}), and, in depth, an
 * expression manager that only sees the model beans and refuses reflection ({@link
 * ModelExpressionManager}), for anything evaluated that was never checked at deployment.
 */
@Component
class ModelDeploymentGuardPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  /**
   * Read on first use: bean definitions are all registered by then, and no bean has to be created
   * for it.
   */
  private final SingletonSupplier<Map<String, Class<?>>> modelBeans;

  ModelDeploymentGuardPlugin(ApplicationContext context) {
    this.context = context;
    this.modelBeans = SingletonSupplier.of(() -> ModelBeans.in(context));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(
        0,
        new ModelDeploymentGuard(
            SingletonSupplier.of(
                () -> new ModelExpressions(modelBeans.obtain(), context::containsBean)),
            shippedForms()));
    configuration.setCustomPreDeployers(preDeployers);
    configuration.setExpressionManager(
        new ModelExpressionManager(context, () -> modelBeans.obtain().keySet()));
  }

  /** {@code forms/<name>} → bytes, as {@link ProcessDeploymentConfiguration} deploys them. */
  static Map<String, byte[]> shippedForms() {
    Map<String, byte[]> forms = new LinkedHashMap<>();
    try {
      for (Resource resource : new ProcessDeploymentConfiguration().getDeploymentResources()) {
        if (resource.getFilename().endsWith(".html")) {
          forms.put("forms/" + resource.getFilename(), resource.getContentAsByteArray());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the shipped forms", e);
    }
    return forms;
  }
}
