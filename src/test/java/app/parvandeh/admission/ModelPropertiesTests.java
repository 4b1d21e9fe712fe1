package app.parvandeh.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import app.parvandeh.document.ReviewStage;
import app.parvandeh.monitoring.StuckFiles;
import app.parvandeh.monitoring.StuckFiles.StuckFile;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.ModelProperties;
import app.parvandeh.workflow.StudentFileProcess;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A process owner marks steps in the model, not in Java: a check task's review stage and a step
 * where a file rightly waits. Versions deployed before the marks existed keep the stages and waits
 * they had.
 */
@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
class ModelPropertiesTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private ProcessEngine processEngine;
  private ModelProperties model;
  private ReviewTasks reviewTasks;
  private String deployment;

  @BeforeEach
  void useEngine(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    model =
        new ModelProperties(
            processEngine.getRepositoryService(), processEngine.getIdentityService());
    reviewTasks = new ReviewTasks(model);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deployment != null) {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theShippedModelMarksItsTwoChecksAndItsLongWaits() {
    deployment =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource("processes/StudentFileProcess.bpmn")
            .deploy()
            .getId();
    String definition =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deployment)
            .singleResult()
            .getId();

    assertThat(reviewTasks.stageOf(definition, StudentFileProcess.TASK_CHECK_FACULTY))
        .contains(ReviewStage.FACULTY);
    assertThat(reviewTasks.stageOf(definition, StudentFileProcess.TASK_CHECK_CENTRAL))
        .contains(ReviewStage.CENTRAL);
    assertThat(reviewTasks.stageOf(definition, StudentFileProcess.TASK_CHECK_CLEARANCE)).isEmpty();
    assertThat(
            List.of(
                StudentFileProcess.EVENT_STUDY_ENDED,
                StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST,
                StudentFileProcess.EVENT_AFTER_GRADUATION_REQUEST,
                StudentFileProcess.TASK_CHECK_CLEARANCE))
        .filteredOn(step -> model.isTrue(definition, step, ModelProperties.NORMAL_WAIT))
        .containsExactly(
            StudentFileProcess.EVENT_STUDY_ENDED,
            StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST,
            StudentFileProcess.EVENT_AFTER_GRADUATION_REQUEST);
  }

  @Test
  void aCheckTaskIsTheReviewStageItsModelSaysWhateverItsId() {
    String definition =
        deploy(
            twoTasks(
                task -> property(task, ModelProperties.REVIEW_STAGE, "CENTRAL"),
                task -> property(task, "outputs", "note")));

    assertThat(reviewTasks.stageOf(definition, "Task_A")).contains(ReviewStage.CENTRAL);
    assertThat(reviewTasks.stageOf(definition, "Task_B"))
        .as("a task with no stage is no check")
        .isEmpty();
    assertThatThrownBy(() -> reviewTasks.requireStage(definition, "Task_B"))
        .hasMessageContaining("not a document check");
  }

  @Test
  void aStageTheModelMisspellsIsAnErrorNamingTheStep() {
    String definition =
        deploy(
            twoTasks(
                task -> property(task, ModelProperties.REVIEW_STAGE, "DEAN"),
                task -> property(task, ModelProperties.REVIEW_STAGE, "FACULTY")));

    assertThat(reviewTasks.stageOf(definition, "Task_B")).contains(ReviewStage.FACULTY);
    assertThatThrownBy(() -> reviewTasks.stageOf(definition, "Task_A"))
        .hasMessageContaining("step Task_A the unknown reviewStage 'DEAN'");
  }

  @Test
  void aVersionDeployedBeforeTheStagePropertyKeepsItsTwoChecks() {
    String definition =
        deploy(
            Bpmn.createExecutableProcess(StudentFileProcess.PROCESS_ID)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("Fork")
                .userTask(StudentFileProcess.TASK_CHECK_FACULTY)
                .endEvent()
                .moveToNode("Fork")
                .userTask(StudentFileProcess.TASK_CHECK_CENTRAL)
                .endEvent()
                .done());

    assertThat(reviewTasks.stageOf(definition, StudentFileProcess.TASK_CHECK_FACULTY))
        .contains(ReviewStage.FACULTY);
    assertThat(reviewTasks.stageOf(definition, StudentFileProcess.TASK_CHECK_CENTRAL))
        .contains(ReviewStage.CENTRAL);
  }

  @Test
  void aStepTheModelMarksAsANormalWaitIsNotReportedStuckAndAnUnmarkedOneIs() {
    deploy(
        twoTasks(
            task -> property(task, ModelProperties.NORMAL_WAIT, "true"),
            task -> property(task, ModelProperties.NORMAL_WAIT, "false")));

    assertThat(idleStepsAfterForty()).containsExactly("Task_B");
  }

  @Test
  void aVersionDeployedBeforeTheWaitPropertyKeepsItsNormalWaits() {
    deploy(
        Bpmn.createExecutableProcess(StudentFileProcess.PROCESS_ID)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Fork")
            .userTask(StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST)
            .endEvent()
            .moveToNode("Fork")
            .userTask("Task_B")
            .endEvent()
            .done());

    assertThat(idleStepsAfterForty()).containsExactly("Task_B");
  }

  @Test
  void stepsInsideASubProcessAndAnIntermediateEventAreReportedIdleButNotTheSubProcessItself() {
    deploy(
        Bpmn.createExecutableProcess(StudentFileProcess.PROCESS_ID)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Fork")
            .subProcess("Sub")
            .embeddedSubProcess()
            .startEvent()
            .userTask("Task_Inside")
            .endEvent()
            .subProcessDone()
            .endEvent()
            .moveToNode("Fork")
            .intermediateCatchEvent("Event_Signal")
            .signal("never")
            .endEvent()
            .moveToNode("Fork")
            .userTask(StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST)
            .endEvent()
            .done());

    assertThat(idleStepsAfterForty()).containsExactlyInAnyOrder("Task_Inside", "Event_Signal");
  }

  /** Starts a file, lets 40 days pass and lists the steps the 30-day report calls idle. */
  private List<String> idleStepsAfterForty() {
    processEngine
        .getRuntimeService()
        .startProcessInstanceByKey(StudentFileProcess.PROCESS_ID, "400123456");
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(40))));
    StudentService students = mock(StudentService.class);
    StuckFiles stuck =
        new StuckFiles(
            new NamedParameterJdbcTemplate(
                processEngine.getProcessEngineConfiguration().getDataSource()),
            processEngine.getRepositoryService(),
            processEngine.getManagementService(),
            students,
            model,
            30);
    return stuck.report(30).files().stream()
        .filter(f -> f.reasons().contains(StuckFiles.IDLE))
        .map(StuckFile::stepId)
        .toList();
  }

  private static BpmnModelInstance twoTasks(
      Consumer<UserTaskBuilder> a, Consumer<UserTaskBuilder> b) {
    UserTaskBuilder taskA =
        Bpmn.createExecutableProcess(StudentFileProcess.PROCESS_ID)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Fork")
            .userTask("Task_A");
    a.accept(taskA);
    UserTaskBuilder taskB = taskA.endEvent().moveToNode("Fork").userTask("Task_B");
    b.accept(taskB);
    return taskB.endEvent().done();
  }

  private static void property(UserTaskBuilder task, String name, String value) {
    BpmnModelInstance instance = (BpmnModelInstance) task.getElement().getModelInstance();
    CamundaProperty property = instance.newInstance(CamundaProperty.class);
    property.setCamundaName(name);
    property.setCamundaValue(value);
    CamundaProperties properties = instance.newInstance(CamundaProperties.class);
    properties.getCamundaProperties().add(property);
    task.addExtensionElement(properties);
  }

  private String deploy(BpmnModelInstance instance) {
    deployment =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance("StudentFileProcess.bpmn", instance)
            .deploy()
            .getId();
    ProcessDefinition definition =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deployment)
            .singleResult();
    return definition.getId();
  }
}
