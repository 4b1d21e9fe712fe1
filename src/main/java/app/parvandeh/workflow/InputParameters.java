package app.parvandeh.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The input parameters the model gives a shared delegate on its task (local variables): what the
 * step does is said in the model, not in Java.
 */
final class InputParameters extends ProcessVariables {

  private InputParameters(DelegateExecution execution) {
    super(execution::getVariableLocal, execution::setVariableLocal);
  }

  static InputParameters of(DelegateExecution execution) {
    return new InputParameters(execution);
  }

  /** The parameter as text; null when the model does not set it. */
  String get(String name) {
    return text(name);
  }
}
