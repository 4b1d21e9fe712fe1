package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The models and the forms are deployed together, under names the form keys resolve in every run
 * mode.
 */
@ParvandehIntegrationTest
class ProcessDeploymentTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;

  @Test
  void processesDecisionsAndFormsAreDeployedInOneDeploymentWithClasspathRelativeNames() {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(StudentFileProcess.PROCESS_ID)
            .latestVersion()
            .singleResult();
    assertThat(definition.getVersionTag()).isNotBlank();
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    List<String> names =
        repository.getDeploymentResources(definition.getDeploymentId()).stream()
            .map(Resource::getName)
            .toList();
    assertThat(names)
        .contains(
            "processes/StudentFileProcess.bpmn",
            "processes/RequiredDocuments.dmn",
            "forms/check-admission-documents.html");
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("RequiredDocuments")
                .latestVersion()
                .singleResult()
                .getDeploymentId())
        .isEqualTo(definition.getDeploymentId());
  }

  @Test
  void theFacultyCheckFormIsServedToTheClerkThroughTheEngineRestApi() {
    // The demo's first student has submitted; their faculty check waits for the engineering clerk.
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    JsonNode tasks =
        clerk
            .engineRest(
                "GET",
                "/task?taskDefinitionKey=Task_CheckDocumentsFaculty&processInstanceBusinessKey=4021100001&maxResults=5",
                null)
            .json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("formKey").asText())
        .isEqualTo("embedded:deployment:forms/check-admission-documents.html");
    ApiClient.Response form =
        clerk.engineRest(
            "GET", "/task/" + tasks.get(0).get("id").asText() + "/deployed-form", null);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.text()).contains("cam-script").contains("/api/tasks/");
  }

  @Test
  void tasklistHasAFilterSoClerksSeeTheirTasksAtOnce() {
    assertThat(filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).count())
        .isEqualTo(1);
  }
}
