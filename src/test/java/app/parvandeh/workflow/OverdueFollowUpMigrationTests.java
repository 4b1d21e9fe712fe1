package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files running on version 2.2.0 of the student file (two boundary timers on each expert task) when
 * 2.3.0 (timeout listeners and the event sub-process «پیگیری پرونده معطل») is deployed: left where
 * they are they keep their timers; migrated, they are reminded and escalated at the same moments as
 * before, once each, and a follow-up already under way moves into the sub-process. Moved back to
 * 2.2.0, a file keeps the same moments on the boundary timers.
 */
@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
class OverdueFollowUpMigrationTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private static final String OLD_MODEL = "processes-before/StudentFileProcess-2.2.0.bpmn";
  private static final String NEW_MODEL = "processes/StudentFileProcess.bpmn";
  private static final String CHECK = "Task_CheckFileClearance";
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final int DUE_DAYS = WorkflowSettings.DEFAULT_DUE_DAYS;
  private static final int ESCALATION_DAYS = 3;

  private RepositoryService repository;
  private RuntimeService runtime;
  private TaskService tasks;
  private ManagementService management;
  private ProcessMigrations migrations;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void engineAndBeans(ProcessEngine processEngine) {
    repository = processEngine.getRepositoryService();
    runtime = processEngine.getRuntimeService();
    tasks = processEngine.getTaskService();
    management = processEngine.getManagementService();
    migrations = new ProcessMigrations(repository, runtime, management);
    Mocks.register("workflowSettings", new WorkflowSettings(Map.of(), ESCALATION_DAYS, false));
    Mocks.register("studentTaskNameListener", (TaskListener) task -> {});
    Mocks.register("overdueReminderDelegate", new OverdueReminderDelegate());
    Mocks.register("overdueReminderDue", new TaskOverdueListener.Reminder());
    Mocks.register("overdueEscalationDue", new TaskOverdueListener.Escalation());
  }

  @AfterEach
  void removeDeployments() {
    ClockUtil.reset();
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    Mocks.reset();
  }

  @Test
  void aFileLeftOnTheOldVersionKeepsItsBoundaryTimersAndIsStillReminded() {
    ProcessDefinition old = deploy(OLD_MODEL);
    ProcessInstance file = clearanceCheckOn(old);
    deploy(NEW_MODEL);

    ClockUtil.offset(DUE_DAYS * DAY + Duration.ofHours(1).toMillis());
    assertThat(runDueTimers(file)).containsExactly("BoundaryEvent_ClearanceCheckOverdue");
    runJob(file, "Task_RemindOverdueGroup");

    assertThat(check(file).getPriority()).isEqualTo(OverdueReminderDelegate.OVERDUE_PRIORITY);
    assertThat(definitionOf(file)).isEqualTo(old.getId());
  }

  @Test
  void aMigratedFileIsRemindedAndEscalatedWhenItsOldTimersWouldHaveFired() {
    ProcessInstance file = clearanceCheckOn(deploy(OLD_MODEL));
    Date reminder = timersAt(file, "BoundaryEvent_ClearanceCheckOverdue").get(0).getDuedate();
    Date escalation = timersAt(file, "BoundaryEvent_ClearanceCheckEscalated").get(0).getDuedate();
    Date created = check(file).getCreateTime();
    assertThat(reminder).isCloseTo(new Date(created.getTime() + DUE_DAYS * DAY), 1_000);
    assertThat(escalation)
        .isCloseTo(new Date(created.getTime() + (DUE_DAYS + ESCALATION_DAYS) * DAY), 1_000);
    ClockUtil.offset(2 * DAY);
    ProcessDefinition current = deploy(NEW_MODEL);

    migrate(file);

    assertThat(definitionOf(file)).isEqualTo(current.getId());
    assertThat(timersAt(file, "BoundaryEvent_ClearanceCheckOverdue")).isEmpty();
    assertThat(timersAt(file, CHECK))
        .extracting(Job::getDuedate)
        .containsExactlyInAnyOrder(reminder, escalation);

    ClockUtil.setCurrentTime(new Date(reminder.getTime() + 60_000));
    assertThat(runDueTimers(file)).containsExactly(CHECK);
    runJob(file, "Task_RemindOverdueGroup");
    assertThat(check(file).getPriority()).isEqualTo(OverdueReminderDelegate.OVERDUE_PRIORITY);
    assertThat(managersTasks(file)).isEmpty();

    ClockUtil.setCurrentTime(new Date(escalation.getTime() + 60_000));
    assertThat(runDueTimers(file)).containsExactly(CHECK);
    assertThat(managersTasks(file)).hasSize(1);
    assertThat(timersAt(file, CHECK)).isEmpty();
  }

  @Test
  void aMigratedFileWhoseReminderHadFiredIsOnlyEscalated() {
    ProcessInstance file = clearanceCheckOn(deploy(OLD_MODEL));
    Date escalation = timersAt(file, "BoundaryEvent_ClearanceCheckEscalated").get(0).getDuedate();
    ClockUtil.offset(DUE_DAYS * DAY + Duration.ofHours(1).toMillis());
    assertThat(runDueTimers(file)).containsExactly("BoundaryEvent_ClearanceCheckOverdue");
    runJob(file, "Task_RemindOverdueGroup");
    deploy(NEW_MODEL);

    migrate(file);

    assertThat(timersAt(file, CHECK)).extracting(Job::getDuedate).containsExactly(escalation);
  }

  @Test
  void aFollowUpUnderWayOnTheOldVersionMovesIntoTheEventSubProcess() {
    ProcessInstance file = clearanceCheckOn(deploy(OLD_MODEL));
    ClockUtil.offset((DUE_DAYS + ESCALATION_DAYS) * DAY + Duration.ofHours(1).toMillis());
    assertThat(runDueTimers(file))
        .containsExactly(
            "BoundaryEvent_ClearanceCheckOverdue", "BoundaryEvent_ClearanceCheckEscalated");
    Task followUp = managersTasks(file).get(0);
    deploy(NEW_MODEL);

    ProcessMigrations.Result dryRun =
        migrations.migrate("StudentFileProcess", versionOf(file), null, true);
    assertThat(dryRun.blocked()).isEmpty();
    migrate(file);

    ActivityInstance tree = runtime.getActivityInstance(file.getId());
    assertThat(tree.getActivityInstances(OverdueFollowUp.SUB_PROCESS)).hasSize(1);
    assertThat(managersTasks(file)).extracting(Task::getId).containsExactly(followUp.getId());
    runJob(file, "Task_RemindOverdueGroup");
    assertThat(check(file).getPriority()).isEqualTo(OverdueReminderDelegate.OVERDUE_PRIORITY);
    // Both old timers had fired: the listener timers the migration created are gone.
    assertThat(timersAt(file, CHECK)).isEmpty();
  }

  @Test
  void aFileMigratedBackToTheOldVersionIsRemindedAndEscalatedWhenItsListenerTimersWouldHaveFired() {
    ProcessDefinition old = deploy(OLD_MODEL);
    ProcessInstance file = clearanceCheckOn(deploy(NEW_MODEL));
    List<Date> due = timersAt(file, CHECK).stream().map(Job::getDuedate).sorted().toList();
    Date created = check(file).getCreateTime();
    assertThat(due.get(0)).isCloseTo(new Date(created.getTime() + DUE_DAYS * DAY), 1_000);
    assertThat(due.get(1))
        .isCloseTo(new Date(created.getTime() + (DUE_DAYS + ESCALATION_DAYS) * DAY), 1_000);
    ClockUtil.offset(2 * DAY);

    migrateTo(file, old);

    assertThat(definitionOf(file)).isEqualTo(old.getId());
    assertThat(timersAt(file, CHECK)).isEmpty();
    assertThat(timersAt(file, "BoundaryEvent_ClearanceCheckOverdue"))
        .extracting(Job::getDuedate)
        .containsExactly(due.get(0));
    assertThat(timersAt(file, "BoundaryEvent_ClearanceCheckEscalated"))
        .extracting(Job::getDuedate)
        .containsExactly(due.get(1));
  }

  @Test
  void aFileMigratedBackWhoseReminderHadFiredIsOnlyEscalated() {
    ProcessDefinition old = deploy(OLD_MODEL);
    ProcessInstance file = clearanceCheckOn(deploy(NEW_MODEL));
    Date escalation =
        timersAt(file, CHECK).stream().map(Job::getDuedate).max(Date::compareTo).orElseThrow();
    ClockUtil.offset(DUE_DAYS * DAY + Duration.ofHours(1).toMillis());
    assertThat(runDueTimers(file)).containsExactly(CHECK);
    runJob(file, "Task_RemindOverdueGroup");

    migrateTo(file, old);

    assertThat(timersAt(file, "BoundaryEvent_ClearanceCheckOverdue")).isEmpty();
    assertThat(timersAt(file, "BoundaryEvent_ClearanceCheckEscalated"))
        .extracting(Job::getDuedate)
        .containsExactly(escalation);
  }

  // ---------------------------------------------------------------- helpers

  private ProcessDefinition deploy(String resource) {
    Deployment deployment = repository.createDeployment().addClasspathResource(resource).deploy();
    deployments.add(deployment.getId());
    return repository
        .createProcessDefinitionQuery()
        .deploymentId(deployment.getId())
        .singleResult();
  }

  private ProcessInstance clearanceCheckOn(ProcessDefinition definition) {
    return runtime
        .createProcessInstanceById(definition.getId())
        .businessKey("400123456")
        .startBeforeActivity(CHECK)
        .setVariable("clearanceGroup", "central-records")
        .execute();
  }

  private int versionOf(ProcessInstance file) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionId(definitionOf(file))
        .singleResult()
        .getVersion();
  }

  /** To the latest version. */
  private void migrate(ProcessInstance file) {
    migrateTo(file, null);
  }

  private void migrateTo(ProcessInstance file, ProcessDefinition target) {
    ProcessMigrations.Result result =
        migrations.migrate(
            "StudentFileProcess",
            versionOf(file),
            target == null ? null : target.getVersion(),
            false);
    assertThat(result.planProblems()).isEmpty();
    assertThat(result.blocked()).isEmpty();
    assertThat(result.migrated()).isEqualTo(1);
  }

  private String definitionOf(ProcessInstance file) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(file.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  private Task check(ProcessInstance file) {
    return tasks
        .createTaskQuery()
        .processInstanceId(file.getId())
        .taskDefinitionKey(CHECK)
        .singleResult();
  }

  private List<Task> managersTasks(ProcessInstance file) {
    return tasks
        .createTaskQuery()
        .processInstanceId(file.getId())
        .taskCandidateGroup("managers")
        .list();
  }

  private List<Job> timersAt(ProcessInstance file, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(file.getId())
        .activityId(activityId)
        .timers()
        .list();
  }

  /** Runs the file's timers that are due by the engine's clock, in due order; their activities. */
  private List<String> runDueTimers(ProcessInstance file) {
    List<String> ran = new ArrayList<>();
    for (Job timer :
        management
            .createJobQuery()
            .processInstanceId(file.getId())
            .timers()
            .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
            .orderByJobDuedate()
            .asc()
            .list()) {
      ran.add(
          management
              .createJobDefinitionQuery()
              .jobDefinitionId(timer.getJobDefinitionId())
              .singleResult()
              .getActivityId());
      management.executeJob(timer.getId());
    }
    return ran;
  }

  private void runJob(ProcessInstance file, String activityId) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(file.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    management.executeJob(job.getId());
  }
}
