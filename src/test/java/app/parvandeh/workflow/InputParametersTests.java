package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InputParametersTests {

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
}
