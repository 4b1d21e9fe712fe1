package app.parvandeh.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;

/**
 * The input parameters the model gives a shared delegate on its task (local variables): what the
 * step does is said in the model, not in Java. Only a parameter the task itself declares ({@code
 * camunda:inputParameter}) is read: a task without input mapping runs on the process instance,
 * whose local variables any earlier step could have set (an output parameter naming a note's
 * author, say).
 */
final class InputParameters extends ProcessVariables {

  private final DelegateExecution execution;

  private InputParameters(DelegateExecution execution) {
    super(execution::getVariableLocal, execution::setVariableLocal);
    this.execution = execution;
  }

  static InputParameters of(DelegateExecution execution) {
    return new InputParameters(execution);
  }

  /** The parameter as text; null when the task's model does not set it. */
  String get(String name) {
    return declared(name) ? text(name) : null;
  }

  private boolean declared(String name) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      return false;
    }
    return element
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaInputOutput.class)
        .list()
        .stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .anyMatch(parameter -> name.equals(parameter.getCamundaName()));
  }
}
