package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ParvandehIntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ParvandehIntegrationTest
class RememberedFeelPluginTests {

  @Autowired ProcessEngine engine;
  @Autowired DecisionService decisions;

  @Test
  void theEnginesDecisionTablesUseTheRememberingFeelEngine() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(RememberedFeel.class);
  }

  /**
   * The table, evaluated twice for every kind of student by the running engine, gives what a plain
   * DMN engine (Camunda's own FEEL, nothing remembered) gives.
   */
  @Test
  void requiredDocumentsComeOutAsWithCamundasPlainFeelEngine() throws Exception {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    // the table as deployed now (another test may have deployed an edited version)
    DecisionDefinition deployed =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(StudentFileProcess.DECISION_REQUIRED_DOCUMENTS)
            .latestVersion()
            .singleResult();
    DmnDecision table;
    try (InputStream model = engine.getRepositoryService().getDecisionModel(deployed.getId())) {
      table = plain.parseDecision(StudentFileProcess.DECISION_REQUIRED_DOCUMENTS, model);
    }
    List<String> differences = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (String degree : new String[] {"BACHELOR", "MASTER", "PHD", null}) {
        for (Integer year : new Integer[] {1395, 1399, 1400, 1404, null}) {
          for (Boolean talent : new Boolean[] {true, false, null}) {
            VariableMap inputs =
                Variables.createVariables()
                    .putValue("degree", degree)
                    .putValue("entryYear", year)
                    .putValue("brilliantTalent", talent)
                    .putValue("admissionType", "IN_PERSON")
                    .putValue("admissionChannel", "سراسری")
                    .putValue("program", null)
                    .putValue("facultyCode", "engineering")
                    .putValue("status", "ACTIVE");
            Object expected = plain.evaluateDecisionTable(table, inputs).getResultList();
            Object actual =
                decisions
                    .evaluateDecisionById(deployed.getId())
                    .variables(inputs)
                    .evaluate()
                    .getResultList();
            if (!expected.equals(actual)) {
              differences.add(
                  degree + "/" + year + "/" + talent + ": " + expected + " ≠ " + actual);
            }
          }
        }
      }
    }
    assertThat(differences).isEmpty();
  }
}
