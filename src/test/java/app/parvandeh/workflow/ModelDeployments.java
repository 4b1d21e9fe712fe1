package app.parvandeh.workflow;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;

/**
 * Deploying models as process owners do: what Modeler and Cockpit send, and the models they send.
 */
final class ModelDeployments {

  static final String EXTRA_STEP = "Task_CheckIdentityInPerson";

  private ModelDeployments() {}

  /**
   * The shipped StudentFileProcess with an in-person identity check between the upload and the
   * faculty's check.
   */
  static byte[] withExtraCheckStep() {
    BpmnModelInstance model;
    try (InputStream in =
        ModelDeployments.class.getResourceAsStream("/processes/StudentFileProcess.bpmn")) {
      model = Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** A model named as Modeler names it, with the shipped forms its form keys point to. */
  static Map<String, byte[]> withShippedForms(String name, byte[] model) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(name, model);
    resources.putAll(ModelDeploymentGuardPlugin.shippedForms());
    return resources;
  }

  /**
   * What Camunda Modeler's "Deploy" does: a multipart POST to /engine-rest/deployment/create as the
   * user.
   */
  static Response throughEngineRest(int port, String user, Map<String, byte[]> resources) {
    String boundary = "----parvandeh-deploy";
    return ApiClient.anonymous(port)
        .call(
            "POST",
            "/engine-rest/deployment/create",
            Map.of(
                "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((user + ":parvandeh").getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Accept", "application/json"),
            multipart(boundary, resources));
  }

  /**
   * What Cockpit's deployment dialog does: the same multipart POST on the webapps' API with its
   * session.
   */
  static Response throughWebappApi(
      ApiClient signedIn, Map<String, String> camundaHeaders, Map<String, byte[]> resources) {
    String boundary = "----parvandeh-cockpit";
    Map<String, String> headers = new LinkedHashMap<>(camundaHeaders);
    headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
    return signedIn.call(
        "POST",
        "/camunda/api/engine/engine/default/deployment/create",
        headers,
        multipart(boundary, resources));
  }

  /** Our resources are all UTF-8 text, so the body can travel as a string. */
  private static String multipart(String boundary, Map<String, byte[]> resources) {
    StringBuilder body = new StringBuilder();
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
        .append("edited by a process owner\r\n");
    resources.forEach(
        (name, bytes) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(new String(bytes, StandardCharsets.UTF_8))
                .append("\r\n"));
    return body.append("--").append(boundary).append("--\r\n").toString();
  }

  /** Other tests expect the shipped models as the latest version, as after a restart. */
  static void restoreTheModelsOfThisBuild(RepositoryService repository) throws IOException {
    DeploymentBuilder deployment =
        repository.createDeployment().name("restore the models of this build");
    for (Resource resource : new ProcessDeploymentConfiguration().getDeploymentResources()) {
      String folder = resource.getFilename().endsWith(".html") ? "forms/" : "processes/";
      deployment.addString(
          folder + resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
    }
    deployment.deploy();
  }
}
