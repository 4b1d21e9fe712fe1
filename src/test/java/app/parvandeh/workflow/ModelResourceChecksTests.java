package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resource walk of the deployment check, without an engine: every attribute and text of a model
 * is inspected, wherever Camunda would evaluate it, and resources that are not models or our own
 * forms are refused.
 */
class ModelResourceChecksTests {

  private static final byte[] FORM = "<form>shipped</form>".getBytes(StandardCharsets.UTF_8);

  private final ModelDeploymentGuard guard =
      new ModelDeploymentGuard(
          () ->
              new ModelExpressions(
                  Map.of(
                      "workflowSettings",
                      WorkflowSettings.class,
                      "recordFileNoteDelegate",
                      RecordFileNoteDelegate.class),
                  Set.of("studentService")::contains),
          Map.of("forms/shipped.html", FORM));

  @ParameterizedTest(name = "accepted: {0}")
  @ValueSource(
      strings = {
        "<userTask id='Probe' name='${studentNumber}' camunda:formKey='embedded:deployment:forms/shipped.html'/>",
        "<serviceTask id='Probe' camunda:delegateExpression='${recordFileNoteDelegate}' camunda:asyncBefore='true'>"
            + "<extensionElements><camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>"
            + "<camunda:inputOutput><camunda:inputParameter name='noteAuthor'>${execution.getVariable('issuedBy')}"
            + "</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>",
        "<userTask id='Probe'><documentation>Prose may mention ${studentService} freely.</documentation></userTask>",
      })
  void acceptsModelsThatOnlyChangeSteps(String element) {
    assertThat(guard.check("probe.bpmn", process(element))).isEmpty();
  }

  @ParameterizedTest(name = "refused: {0}")
  @ValueSource(
      strings = {
        "<serviceTask id='Probe' camunda:expression='${studentService.get(1)}'/>",
        "<serviceTask id='Probe' camunda:delegateExpression='${studentService}'/>",
        "<serviceTask id='Probe' camunda:class='org.example.Evil'/>",
        "<serviceTask id='Probe' camunda:delegateExpression='${recordFileNoteDelegate}'><extensionElements>"
            + "<camunda:field name='x'><camunda:expression>${studentService}</camunda:expression></camunda:field>"
            + "</extensionElements></serviceTask>",
        "<userTask id='Probe'><extensionElements><camunda:taskListener event='create' class='org.example.Evil'/>"
            + "</extensionElements></userTask>",
        "<userTask id='Probe'><extensionElements><camunda:inputOutput><camunda:inputParameter name='l'><camunda:list>"
            + "<camunda:value>${studentService}</camunda:value></camunda:list></camunda:inputParameter>"
            + "</camunda:inputOutput></extensionElements></userTask>",
        "<userTask id='Probe'><extensionElements><camunda:inputOutput><camunda:inputParameter name='m'><camunda:map>"
            + "<camunda:entry key='k'>${''.getClass()}</camunda:entry></camunda:map></camunda:inputParameter>"
            + "</camunda:inputOutput></extensionElements></userTask>",
        "<userTask id='Probe'><extensionElements><camunda:inputOutput><camunda:inputParameter name='s'>"
            + "<camunda:script scriptFormat='groovy'>'id'.execute()</camunda:script></camunda:inputParameter>"
            + "</camunda:inputOutput></extensionElements></userTask>",
        "<callActivity id='Probe' calledElement='Other'><extensionElements>"
            + "<camunda:in sourceExpression='${studentService}' target='x'/></extensionElements></callActivity>",
        "<userTask id='Probe' camunda:dueDate='${now()}'/>",
        "<userTask id='Probe' camunda:candidateUsers='${studentService.all()}'/>",
        "<userTask id='Probe' camunda:priority='${execution.getProcessEngineServices()}'/>",
        "<userTask id='Probe' camunda:formKey='embedded:app:forms/other.html'/>",
        "<userTask id='Probe' camunda:formKey='${formFromAVariable}'/>",
        "<userTask id='Task'><extensionElements><camunda:formData><camunda:formField id='Probe' type='string'>"
            + "<camunda:validation><camunda:constraint name='validator' config='org.example.Evil'/>"
            + "</camunda:validation></camunda:formField></camunda:formData></extensionElements></userTask>",
        "<userTask id='Probe'><extensionElements><camunda:connector><camunda:connectorId>http-connector"
            + "</camunda:connectorId></camunda:connector></extensionElements></userTask>",
        "<scriptTask id='Probe' scriptFormat='javascript' camunda:resource='classpath://evil.js'/>",
        "<intermediateCatchEvent id='Probe'><timerEventDefinition><timeDuration>${studentService.delay()}"
            + "</timeDuration></timerEventDefinition></intermediateCatchEvent>",
      })
  void refusesModelsThatRunCodeNamingTheElement(String element) {
    List<Problem> problems = guard.check("probe.bpmn", process(element));
    assertThat(problems).as(element).isNotEmpty();
    assertThat(problems.get(0).getMainElementId()).isEqualTo("Probe");
    assertThat(problems.get(0).getMessage()).contains("Probe").contains(" / Element 'Probe'");
  }

  @Test
  void refusesAModelWithADoctypeSoNoEntityIsEverResolved() {
    String xxe =
        "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            + new String(process("<userTask id='Probe' name='&x;'/>"), StandardCharsets.UTF_8)
                .substring(21);
    assertThat(guard.check("probe.bpmn", xxe.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @Test
  void acceptsOnlyTheShippedFormsByteForByteAndOnlyModelsAmongOtherResources() {
    assertThat(guard.check("forms/shipped.html", FORM)).isEmpty();
    assertThat(guard.check("forms/shipped.html", "<form><script>x()</script></form>".getBytes()))
        .isNotEmpty();
    assertThat(guard.check("forms/new.html", FORM)).isNotEmpty();
    assertThat(guard.check("forms/shipped.form", FORM)).isNotEmpty();
    assertThat(guard.check("evil.js", FORM)).isNotEmpty();
    assertThat(guard.check("case.cmmn", FORM)).isNotEmpty();
    assertThat(guard.check("diagram.png", FORM)).isNotEmpty();
  }

  @Test
  void decisionsMayUseFeelButNoOtherLanguage() {
    assertThat(guard.check("d.dmn", decision(""))).isEmpty();
    assertThat(guard.check("d.dmn", decision(" expressionLanguage=\"feel\""))).isEmpty();
    assertThat(
            guard.check(
                "d.dmn",
                decision(" expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"")))
        .isEmpty();
    assertThat(
            guard.check(
                "d.dmn", decision(" expressionLanguage=\"http://www.omg.org/spec/FEEL/20140401\"")))
        .isEmpty();
    assertThat(guard.check("d.dmn", decision(" expressionLanguage=\"juel\""))).isNotEmpty();
    assertThat(
            guard.check(
                "d.dmn", decision(" expressionLanguage=\"https://www.omg.org/spec/DMN/x/JUEL/\"")))
        .isNotEmpty();
    assertThat(guard.check("d.dmn", decision(" expressionLanguage=\"javascript\""))).isNotEmpty();
  }

  private static byte[] process(String element) {
    return ("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
            + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://parvandeh.app/probe\">"
            + "<process id=\"GuardProbe\" isExecutable=\"true\">"
            + element
            + "</process></definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] decision(String language) {
    return ("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"D\" name=\"d\" namespace=\"n\">"
            + "<decision id=\"Decision_Probe\" name=\"d\"><decisionTable id=\"T\"><input id=\"I\">"
            + "<inputExpression id=\"IE\" typeRef=\"string\""
            + language
            + "><text>studentNumber</text></inputExpression>"
            + "</input><output id=\"O\" name=\"o\" typeRef=\"string\"/><rule id=\"R\"><inputEntry id=\"E\"><text>-</text>"
            + "</inputEntry><outputEntry id=\"OE\"><text>\"x\"</text></outputEntry></rule></decisionTable></decision>"
            + "</definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
