package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.clearance.DocumentsIssuedListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the shared delegates and listeners take from a model: a delegate only its own task's input
 * parameters; a step's author only from its task's completion.
 */
class SharedDelegatesTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aDelegateReadsOnlyTheParametersItsOwnTaskDeclaresNotTheProcesssVariablesOfThatName(
      ProcessEngine processEngine) {
    List<String> authors = new ArrayList<>();
    JavaDelegate reader =
        execution -> authors.add(String.valueOf(InputParameters.of(execution).get("noteAuthor")));
    Mocks.register("authorReader", reader);
    String deployment =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "inputs.bpmn",
                Bpmn.createExecutableProcess("Inputs")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .serviceTask("Declared")
                    .camundaDelegateExpression("${authorReader}")
                    .camundaInputParameter("noteAuthor", "clerk.eng")
                    .serviceTask("Undeclared")
                    .camundaDelegateExpression("${authorReader}")
                    .endEvent()
                    .done())
            .deploy()
            .getId();

    processEngine
        .getRuntimeService()
        .startProcessInstanceByKey("Inputs", "400123456", Map.of("noteAuthor", "manager"));

    assertThat(authors).containsExactly("clerk.eng", "null");
    processEngine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void aStepAuthorListenerOnATasksCreationFailsInsteadOfNamingItsAssignee(
      ProcessEngine processEngine) {
    Mocks.register("documentsIssuedListener", new DocumentsIssuedListener());
    String deployment =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "forge.bpmn",
                Bpmn.createExecutableProcess("Forge")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Issue")
                    .camundaAssignee("400123456")
                    .camundaTaskListenerDelegateExpression("create", "${documentsIssuedListener}")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    try {
      assertThatThrownBy(
              () ->
                  processEngine.getRuntimeService().startProcessInstanceByKey("Forge", "400123456"))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("only when its task is completed");
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }
}
