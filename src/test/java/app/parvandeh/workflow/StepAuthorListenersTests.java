package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.clearance.DocumentsIssuedListener;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who did a step is who completed its task: a listener that records it, put on a task's creation
 * (which a timer can cause with nobody signed in), would name the task's assignee instead.
 */
class StepAuthorListenersTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  @AfterEach
  void reset() {
    Mocks.reset();
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
