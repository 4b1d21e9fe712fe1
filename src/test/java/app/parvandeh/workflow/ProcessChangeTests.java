package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Changing steps by editing BPMN: a process owner deploys an edited model through the engine REST
 * API (others are refused), new files follow it, running files keep theirs until a process owner
 * migrates them. Also: each group finds its own Tasklist filters after start-up.
 */
@ParvandehIntegrationTest
class ProcessChangeTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired StudentService students;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;

  @Test
  void processOwnerDeploysAnExtraCheckStepAndMigratesARunningFile() throws Exception {
    String older = admitAndOpen();
    int oldVersion = definitionVersionOf(older);
    var edited =
        ModelDeployments.withShippedForms(
            "StudentFileProcess.bpmn", ModelDeployments.withExtraCheckStep());
    try {
      assertThat(ModelDeployments.throughEngineRest(port, "clerk.eng", edited).status())
          .isEqualTo(403);
      Response deployed = ModelDeployments.throughEngineRest(port, "process.owner", edited);
      assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
      int newVersion =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(StudentFileProcess.PROCESS_ID)
              .latestVersion()
              .singleResult()
              .getVersion();
      assertThat(newVersion).isGreaterThan(oldVersion);

      // New files follow the new version; the running one keeps its own.
      String newer = admitAndOpen();
      assertThat(definitionVersionOf(newer)).isEqualTo(newVersion);
      assertThat(definitionVersionOf(older)).isEqualTo(oldVersion);
      completeUpload(newer);
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceBusinessKey(newer)
                  .singleResult()
                  .getTaskDefinitionKey())
          .isEqualTo(ModelDeployments.EXTRA_STEP);

      ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
      ApiClient owner = ApiClient.signedIn(port, "process.owner", "parvandeh");
      Map<String, Object> request =
          new LinkedHashMap<>(Map.of("sourceVersion", oldVersion, "dryRun", true));
      assertThat(clerk.postJson("/api/admin/migrations", request).status()).isEqualTo(403);
      JsonNode dryRun = owner.postJson("/api/admin/migrations", request).json();
      assertThat(dryRun.get("targetVersion").asInt()).isEqualTo(newVersion);
      assertThat(dryRun.get("migratable").toString()).contains(instanceOf(older));
      assertThat(dryRun.get("unmappedActivities")).isEmpty();
      assertThat(dryRun.get("migrated").asInt()).isZero();
      assertThat(definitionVersionOf(older)).isEqualTo(oldVersion);

      request.put("dryRun", false);
      Response migrated = owner.postJson("/api/admin/migrations", request);
      assertThat(migrated.status()).as(migrated.toString()).isEqualTo(200);
      assertThat(migrated.json().get("migrated").asInt()).isPositive();
      assertThat(definitionVersionOf(older)).isEqualTo(newVersion);
      completeUpload(older);
      assertThat(
              tasks
                  .createTaskQuery()
                  .processInstanceBusinessKey(older)
                  .singleResult()
                  .getTaskDefinitionKey())
          .isEqualTo(ModelDeployments.EXTRA_STEP);

      // Going back: the dry run names the extra step as one the old model cannot take.
      Map<String, Object> back =
          Map.of("sourceVersion", newVersion, "targetVersion", oldVersion, "dryRun", true);
      JsonNode backwards = owner.postJson("/api/admin/migrations", back).json();
      assertThat(backwards.get("unmappedActivities").toString())
          .contains(ModelDeployments.EXTRA_STEP);
      assertThat(backwards.get("blocked").toString())
          .contains(older)
          .contains(ModelDeployments.EXTRA_STEP);
    } finally {
      ModelDeployments.restoreTheModelsOfThisBuild(repository);
    }
  }

  @Test
  void everyGroupFindsItsOwnTasklistFiltersAfterStartUp() {
    assertThat(readers(GroupTasklistFilters.CLEARANCE_CHECKS))
        .contains("central-records", "graduate-studies")
        .doesNotContain("faculty-engineering", "graduates-office");
    assertThat(readers(GroupTasklistFilters.GRADUATES_OFFICE)).containsExactly("graduates-office");
    assertThat(readers(GroupTasklistFilters.STUCK_FILES)).containsExactly("managers");
    assertThat(readers(GroupTasklistFilters.FACULTY_CHECKS))
        .contains("faculty-engineering", "faculty-science");
    assertThat(readers(GroupTasklistFilters.OVERDUE))
        .contains("faculty-engineering", "central-records", "managers");

    JsonNode seen =
        ApiClient.signedIn(port, "clerk.eng", "parvandeh")
            .engineRest("GET", "/filter?maxResults=50", null)
            .json();
    assertThat(seen.findValuesAsText("name"))
        .as(seen.toString())
        .contains(
            TasklistFilters.MY_TASKS,
            GroupTasklistFilters.FACULTY_CHECKS,
            GroupTasklistFilters.OVERDUE)
        .doesNotContain(
            GroupTasklistFilters.GRADUATES_OFFICE, GroupTasklistFilters.CLEARANCE_CHECKS);
    JsonNode office =
        ApiClient.signedIn(port, "graduates.office", "parvandeh")
            .engineRest("GET", "/filter?maxResults=50", null)
            .json();
    assertThat(office.findValuesAsText("name"))
        .contains(GroupTasklistFilters.GRADUATES_OFFICE)
        .doesNotContain(GroupTasklistFilters.FACULTY_CHECKS);
  }

  private java.util.List<String> readers(String filterName) {
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    return authorizations
        .createAuthorizationQuery()
        .resourceType(Resources.FILTER)
        .resourceId(id)
        .hasPermission(Permissions.READ)
        .list()
        .stream()
        .map(a -> a.getGroupId())
        .toList();
  }

  private String admitAndOpen() {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    students.admit(data, "admission-office");
    DueJobs.run(management, instanceOf(data.studentNumber()));
    return data.studentNumber();
  }

  /** Completes the student's upload task directly (the documents themselves do not matter here). */
  private void completeUpload(String studentNumber) {
    tasks.complete(
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(studentNumber)
            .taskDefinitionKey(StudentFileProcess.TASK_UPLOAD_DOCUMENTS)
            .singleResult()
            .getId());
  }

  private String instanceOf(String studentNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(studentNumber)
        .singleResult()
        .getId();
  }

  private int definitionVersionOf(String studentNumber) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(studentNumber)
            .singleResult();
    return repository.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
  }
}
