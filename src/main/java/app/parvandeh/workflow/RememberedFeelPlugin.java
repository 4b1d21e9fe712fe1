package app.parvandeh.workflow;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the Scala FEEL engine it would have built itself, wrapped in {@link
 * RememberedFeel}. Left alone when FEEL's legacy behaviour is switched on or another FEEL engine is
 * configured.
 */
@Component
class RememberedFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    }
    if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
      DefaultDmnEngineConfiguration built = dmn;
      // Created when the engine builds its DMN engine, after every plugin has added its FEEL
      // functions to the configuration.
      dmn.setFeelEngineFactory(
          () ->
              new RememberedFeel(
                  new ScalaFeelEngineFactory(built.getFeelCustomFunctionProviders())
                      .createInstance()));
    }
    configuration.setDmnEngineConfiguration(dmn);
  }
}
