package app.parvandeh.workflow;

import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing steps by editing BPMN: a process owner deploys an edited model through the engine REST API (others are
 * refused), new files follow it, running files keep theirs until a process owner migrates them. Also: each group
 * finds its own Tasklist filters after start-up.
 */
@ParvandehIntegrationTest
class ProcessChangeTests {

  private static final String EXTRA_STEP = "Task_CheckIdentityInPerson";

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  StudentService students;
  @Autowired
  FilterService filters;
  @Autowired
  AuthorizationService authorizations;

  @Test
  void processOwnerDeploysAnExtraCheckStepAndMigratesARunningFile() throws Exception {
    String older = admitAndOpen();
    int oldVersion = definitionVersionOf(older);
    byte[] edited = editedModel();
    try {
      assertThat(deploy("clerk.eng", edited)).isEqualTo(403);
      assertThat(deploy("process.owner", edited)).isEqualTo(200);
      int newVersion = repository.createProcessDefinitionQuery().processDefinitionKey(StudentFileProcess.PROCESS_ID)
          .latestVersion().singleResult().getVersion();
      assertThat(newVersion).isGreaterThan(oldVersion);

      // New files follow the new version; the running one keeps its own.
      String newer = admitAndOpen();
      assertThat(definitionVersionOf(newer)).isEqualTo(newVersion);
      assertThat(definitionVersionOf(older)).isEqualTo(oldVersion);
      completeUpload(newer);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(newer).singleResult().getTaskDefinitionKey())
          .isEqualTo(EXTRA_STEP);

      ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
      ApiClient owner = ApiClient.signedIn(port, "process.owner", "parvandeh");
      Map<String, Object> request = new LinkedHashMap<>(Map.of("sourceVersion", oldVersion, "dryRun", true));
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
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(older).singleResult().getTaskDefinitionKey())
          .isEqualTo(EXTRA_STEP);

      // Going back: the dry run names the extra step as one the old model cannot take.
      Map<String, Object> back = Map.of("sourceVersion", newVersion, "targetVersion", oldVersion, "dryRun", true);
      JsonNode backwards = owner.postJson("/api/admin/migrations", back).json();
      assertThat(backwards.get("unmappedActivities").toString()).contains(EXTRA_STEP);
      assertThat(backwards.get("blocked").toString()).contains(older).contains(EXTRA_STEP);
    } finally {
      restoreTheModelsOfThisBuild();
    }
  }

  @Test
  void everyGroupFindsItsOwnTasklistFiltersAfterStartUp() {
    assertThat(readers(GroupTasklistFilters.CLEARANCE_CHECKS)).contains("central-records", "graduate-studies")
        .doesNotContain("faculty-engineering", "graduates-office");
    assertThat(readers(GroupTasklistFilters.GRADUATES_OFFICE)).containsExactly("graduates-office");
    assertThat(readers(GroupTasklistFilters.STUCK_FILES)).containsExactly("managers");
    assertThat(readers(GroupTasklistFilters.FACULTY_CHECKS)).contains("faculty-engineering", "faculty-science");
    assertThat(readers(GroupTasklistFilters.OVERDUE)).contains("faculty-engineering", "central-records", "managers");

    JsonNode seen = ApiClient.signedIn(port, "clerk.eng", "parvandeh")
        .engineRest("GET", "/filter?maxResults=50", null).json();
    assertThat(seen.findValuesAsText("name")).as(seen.toString()).contains(TasklistFilters.MY_TASKS, GroupTasklistFilters.FACULTY_CHECKS,
        GroupTasklistFilters.OVERDUE).doesNotContain(GroupTasklistFilters.GRADUATES_OFFICE,
        GroupTasklistFilters.CLEARANCE_CHECKS);
    JsonNode office = ApiClient.signedIn(port, "graduates.office", "parvandeh")
        .engineRest("GET", "/filter?maxResults=50", null).json();
    assertThat(office.findValuesAsText("name")).contains(GroupTasklistFilters.GRADUATES_OFFICE)
        .doesNotContain(GroupTasklistFilters.FACULTY_CHECKS);
  }

  private java.util.List<String> readers(String filterName) {
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(id)
        .hasPermission(Permissions.READ).list().stream().map(a -> a.getGroupId()).toList();
  }

  /** The shipped model with an in-person identity check between the upload and the faculty's check. */
  private byte[] editedModel() throws IOException {
    BpmnModelInstance model;
    try (InputStream in = getClass().getResourceAsStream("/processes/StudentFileProcess.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    }
    Process process = model.getModelElementById(StudentFileProcess.PROCESS_ID);
    process.setCamundaVersionTag("2.1.0-test");
    UserTask check = model.newInstance(UserTask.class);
    check.setId(EXTRA_STEP);
    check.setName("احراز هویت حضوری دانشجو");
    check.setCamundaCandidateGroups("${facultyGroup}");
    process.addChildElement(check);
    SequenceFlow uploaded = model.getModelElementById("SequenceFlow_DocumentsUploaded");
    var mergeGateway = uploaded.getTarget();
    uploaded.setTarget(check);
    SequenceFlow checked = model.newInstance(SequenceFlow.class);
    checked.setId("SequenceFlow_IdentityChecked");
    process.addChildElement(checked);
    checked.setSource(check);
    checked.setTarget(mergeGateway);
    check.getOutgoing().add(checked);
    mergeGateway.getIncoming().remove(uploaded);
    mergeGateway.getIncoming().add(checked);
    check.getIncoming().add(uploaded);
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  /** What Camunda Modeler's "Deploy" does: a multipart POST to /engine-rest/deployment/create as the user. */
  private int deploy(String user, byte[] bpmn) throws Exception {
    String boundary = "----parvandeh-deploy";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, "StudentFileProcess (edited)".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "StudentFileProcess.bpmn", "StudentFileProcess.bpmn", bpmn);
    for (Resource form : new ProcessDeploymentConfiguration().getDeploymentResources()) {
      if (form.getFilename().endsWith(".html")) {
        part(body, boundary, "forms/" + form.getFilename(), "forms/" + form.getFilename(),
            form.getContentAsByteArray());
      }
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":parvandeh").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] bytes)
      throws IOException {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** Other tests expect the shipped models as the latest version, as after a restart. */
  private void restoreTheModelsOfThisBuild() throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("restore after ProcessChangeTests");
    for (Resource resource : new ProcessDeploymentConfiguration().getDeploymentResources()) {
      String folder = resource.getFilename().endsWith(".html") ? "forms/" : "processes/";
      deployment.addString(folder + resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
    }
    deployment.deploy();
  }

  private String admitAndOpen() {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    students.admit(data, "admission-office");
    DueJobs.run(management, instanceOf(data.studentNumber()));
    return data.studentNumber();
  }

  /** Completes the student's upload task directly (the documents themselves do not matter here). */
  private void completeUpload(String studentNumber) {
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(studentNumber)
        .taskDefinitionKey(StudentFileProcess.TASK_UPLOAD_DOCUMENTS).singleResult().getId());
  }

  private String instanceOf(String studentNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(studentNumber).singleResult().getId();
  }

  private int definitionVersionOf(String studentNumber) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(studentNumber)
        .singleResult();
    return repository.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
  }
}
