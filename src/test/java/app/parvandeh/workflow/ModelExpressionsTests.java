package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.monitoring.StuckFiles;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expression rule of deployed models, without Spring or an engine: what a process owner may and
 * may not write.
 */
class ModelExpressionsTests {

  /**
   * Two real model beans and two names of other beans, as the plugin would find them in the
   * context.
   */
  private final ModelExpressions expressions =
      new ModelExpressions(
          Map.of(
              "workflowSettings",
              WorkflowSettings.class,
              "recordFileNoteDelegate",
              RecordFileNoteDelegate.class),
          Set.of("studentService", "repositoryService", "workflowSettings")::contains);

  @ParameterizedTest(name = "allowed: {0}")
  @ValueSource(
      strings = {
        "plain text without expressions",
        "${studentNumber}",
        "#{facultyGroup}",
        "${!documentsAccepted}",
        "${source == 'OFFICE_AUTOMATION'}",
        "${!(graduated && workflowSettings.afterGraduationEnabled())}",
        "${workflowSettings.dueDate('check-faculty')}",
        "${workflowSettings.dueDays(taskType) + 1 > 3 ? 'late' : 'on time'}",
        "مدارک صادر شد: ${execution.getVariable('issuedDocuments')}",
        "${task.getVariable('clearanceCheckedBy')}",
        "${recordFileNoteDelegate}",
        "${missingItems[0]}",
        "${empty missingItems}",
        "${authenticatedUserId}",
        "\\${studentService} is only text when escaped",
        "R3/PT5M",
      })
  void allows(String expression) {
    assertThat(expressions.check(expression)).isNull();
  }

  @ParameterizedTest(name = "refused: {0}")
  @ValueSource(
      strings = {
        "${studentService}",
        "${studentService.get(studentNumber).nationalId}",
        "name: ${repositoryService.createDeployment()}",
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
        "${studentNumber.getClass()}",
        "${studentNumber.class}",
        "${studentNumber['class']}",
        "${workflowSettings.getClass()}",
        "${workflowSettings['class']}",
        "${workflowSettings.dueDate('x').getTime()}",
        "${workflowSettings.dueDate('x').time}",
        "${workflowSettings.dueDays(studentService.count())}",
        "${workflowSettings.noSuchMethod()}",
        "${recordFileNoteDelegate.execute(execution)}",
        "${execution}",
        "${execution.processEngineServices}",
        "${execution.getProcessEngineServices().getRuntimeService()}",
        "${execution.getVariable(nameFromAVariable)}",
        "${execution.getVariable('a').getClass()}",
        "${execution.setVariable('a', 1)}",
        "${task.setVariable('issuedBy', task.assignee)}",
        "${task.assignee}",
        "${caseExecution}",
        "${variable.property}",
        "${variable[otherVariable]}",
        "${now()}",
        "${fn:upper('a')}",
        "${currentUser()}",
        "${unclosed",
      })
  void refuses(String expression) {
    ModelExpressions.Refusal refusal = expressions.check(expression);
    assertThat(refusal).as(expression).isNotNull();
    assertThat(refusal.fa()).isNotBlank();
    assertThat(refusal.en()).isNotBlank();
  }

  @ParameterizedTest(name = "delegate allowed: {0}")
  @ValueSource(strings = {"${recordFileNoteDelegate}", " ${ recordFileNoteDelegate } "})
  void allowsADelegateExpressionNamingAModelBean(String expression) {
    assertThat(expressions.checkDelegate(expression)).isNull();
  }

  @ParameterizedTest(name = "delegate refused: {0}")
  @ValueSource(
      strings = {
        "${studentService}",
        "${delegateFromAVariable}",
        "${recordFileNoteDelegate.foo}",
        "${execution}",
        "recordFileNoteDelegate",
        "${recordFileNoteDelegate}${studentService}"
      })
  void refusesAnyOtherDelegateExpression(String expression) {
    assertThat(expressions.checkDelegate(expression)).isNotNull();
  }

  @org.junit.jupiter.api.Test
  void modelBeansAreTheDelegatesAndListenersOfTheWorkflowAndProcessPackagesAndItsSettings()
      throws ClassNotFoundException {
    assertThat(ModelBeans.isModelBean(RecordFileNoteDelegate.class)).isTrue();
    // package-private in their process modules, so named here
    assertThat(
            ModelBeans.isModelBean(Class.forName("app.parvandeh.admission.ReviewOutcomeListener")))
        .isTrue();
    assertThat(
            ModelBeans.isModelBean(
                Class.forName("app.parvandeh.clearance.ClearanceDecisionListener")))
        .isTrue();
    assertThat(
            ModelBeans.isModelBean(
                Class.forName("app.parvandeh.studydocs.StudyDocumentStartListener")))
        .isTrue();
    assertThat(ModelBeans.isModelBean(WorkflowSettings.class)).isTrue();
    assertThat(ModelBeans.isModelBean(StuckFiles.class)).isFalse();
    assertThat(
            ModelBeans.isModelBean(
                org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener.class))
        .as("a listener, but not ours")
        .isFalse();
  }
}
