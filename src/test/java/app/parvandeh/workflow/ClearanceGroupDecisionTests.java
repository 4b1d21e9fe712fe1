package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rows of ClearanceGroup.dmn: who clears a student's file at the end of study. */
@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
@Deployment(resources = "processes/ClearanceGroup.dmn")
class ClearanceGroupDecisionTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private ProcessEngine processEngine;

  @BeforeEach
  void useEngine(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Test
  void decisionCarriesPersianNameVersionTagAndHistoryTimeToLive() {
    DecisionDefinition decision =
        processEngine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(StudentDecisions.CLEARANCE_GROUP)
            .latestVersion()
            .singleResult();

    assertThat(decision.getName()).isEqualTo("تسویه‌کننده پرونده دانشجو");
    assertThat(decision.getVersionTag()).isEqualTo("1.0.0");
    assertThat(decision.getHistoryTimeToLive()).isEqualTo(3650);
  }

  @ParameterizedTest
  @CsvSource({"BACHELOR, central-records", "MASTER, graduate-studies", "PHD, graduate-studies"})
  void eachDegreeIsClearedByItsOffice(String degree, String group) {
    assertThat(clearanceGroups(degree)).containsExactly(group);
  }

  @Test
  void aStudentNoRowNamesFallsBackToCentralRecordsRatherThanToNoOne() {
    assertThat(clearanceGroups("ASSOCIATE")).containsExactly("central-records");
    assertThat(clearanceGroups(null)).containsExactly("central-records");
  }

  private List<Object> clearanceGroups(String degree) {
    DmnDecisionResult result =
        processEngine
            .getDecisionService()
            .evaluateDecisionByKey(StudentDecisions.CLEARANCE_GROUP)
            .variables(Variables.createVariables().putValue("degree", degree))
            .evaluate();
    return result.collectEntries(StudentDecisions.CLEARANCE_GROUP_OUTPUT);
  }
}
