package app.parvandeh.workflow;

import app.parvandeh.shared.ParvandehException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * Moves running student files from one version of a process to another with Camunda's migration API
 * (the community edition's Cockpit has no migration screen). Steps with the same id in both
 * versions are mapped, also when the new version moved them into or out of a sub-process; a dry run
 * lists the steps that cannot be mapped and the files that wait at one of them, which stay where
 * they are.
 *
 * <p>A timer that moved from a non-interrupting boundary event of a task to a timeout listener of
 * the same task, or back (same duration expression; version 2.3.0 of the student file did this for
 * the reminders and escalations), keeps its moment: the engine gives a migrated open task new
 * timers counted from the migration, so each one is set back to the due date of the timer it
 * replaces, or removed when that timer has already fired (it fires once per task).
 */
@Service
public class ProcessMigrations {

  private static boolean canWaitAt(FlowNode node) {
    if (node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent) {
      return true;
    }
    return node instanceof Activity
        && (node instanceof UserTask
            || node instanceof ReceiveTask
            || node instanceof SubProcess
            || node instanceof CallActivity
            || node.isCamundaAsyncBefore()
            || node.isCamundaAsyncAfter());
  }

  /** The engine's job type of a timeout task listener's timer. */
  private static final String TIMEOUT_LISTENER_JOB = "timer-task-listener";

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;

  ProcessMigrations(
      RepositoryService repository, RuntimeService runtime, ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
  }

  /** A running file that cannot move, and the steps it waits at that the new version lacks. */
  public record Blocked(String processInstanceId, String businessKey, List<String> activityIds) {}

  public record Result(
      String processKey,
      int sourceVersion,
      int targetVersion,
      boolean dryRun,
      List<String> mappedActivities,
      List<String> unmappedActivities,
      List<String> planProblems,
      List<String> migratable,
      List<Blocked> blocked,
      int migrated) {}

  /** Plans (dry run) or runs the migration of every running instance of {@code sourceVersion}. */
  public Result migrate(
      String processKey, int sourceVersion, Integer targetVersion, boolean dryRun) {
    ProcessDefinition source = definition(processKey, sourceVersion);
    ProcessDefinition target =
        targetVersion == null
            ? repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult()
            : definition(processKey, targetVersion);
    MigrationPlan plan = null;
    List<String> problems = new ArrayList<>();
    if (source.getId().equals(target.getId())) {
      // Nothing to move; and Camunda's migration of a file within its own version leaves the
      // version's later files without their task timers (reminders, escalations).
      problems.add(
          "مبدأ و مقصد یک نسخه‌اند: چیزی برای انتقال نیست. / Source and target are the same version:"
              + " there is nothing to move.");
    } else {
      try {
        plan = plan(source.getId(), target.getId());
      } catch (MigrationPlanValidationException e) {
        e.getValidationReport()
            .getInstructionReports()
            .forEach(r -> problems.addAll(r.getFailures()));
        if (problems.isEmpty()) {
          problems.add(e.getMessage());
        }
      }
    }
    Set<String> mapped = new LinkedHashSet<>();
    if (plan != null) {
      plan.getInstructions().stream()
          .map(MigrationInstruction::getSourceActivityId)
          .forEach(mapped::add);
    }
    // Only steps a file can wait at need a mapping; gateways, start/end events and synchronous
    // service tasks (run
    // within the step before them) hold no state.
    List<String> unmapped =
        repository
            .getBpmnModelInstance(source.getId())
            .getModelElementsByType(FlowNode.class)
            .stream()
            .filter(ProcessMigrations::canWaitAt)
            .map(FlowNode::getId)
            .filter(id -> !mapped.contains(id))
            .sorted()
            .toList();
    List<String> migratable = new ArrayList<>();
    List<Blocked> blocked = new ArrayList<>();
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()) {
      Set<String> at = new LinkedHashSet<>();
      collect(runtime.getActivityInstance(instance.getId()), at);
      boolean planned = plan != null;
      List<String> missing = at.stream().filter(id -> !planned || !mapped.contains(id)).toList();
      if (missing.isEmpty()) {
        migratable.add(instance.getId());
      } else {
        blocked.add(new Blocked(instance.getId(), instance.getBusinessKey(), missing));
      }
    }
    int migrated = 0;
    if (!dryRun && plan != null && !migratable.isEmpty()) {
      Map<String, String> movedTimers = movedTimers(source.getId(), target.getId());
      Map<String, Date> dueBefore = dueDates(migratable, movedTimers);
      try {
        runtime.newMigration(plan).processInstanceIds(migratable).execute();
        migrated = migratable.size();
        keepTheMomentsOfMovedTimers(migratable, Set.copyOf(movedTimers.values()), dueBefore);
      } catch (ProcessEngineException e) {
        throw ParvandehException.conflict(
            "migration-failed",
            "انتقال پرونده‌ها انجام نشد: " + e.getMessage(),
            "The migration failed: " + e.getMessage());
      }
    }
    return new Result(
        processKey,
        source.getVersion(),
        target.getVersion(),
        dryRun,
        List.copyOf(mapped),
        unmapped,
        problems,
        migratable,
        blocked,
        migrated);
  }

  /**
   * Steps with equal ids, and their event triggers. {@code mapEqualActivities} maps a step only
   * where its sub-process is mapped too, so a step a new version moved into a sub-process (the
   * reminder and follow-up steps into «پیگیری پرونده معطل» in 2.3.0) is mapped by id here; the
   * engine then creates the sub-process around it. If the engine refuses such a move, the plan
   * without it stands and the files waiting there are listed as blocked.
   */
  private MigrationPlan plan(String sourceId, String targetId) {
    MigrationPlan equal = equalActivities(sourceId, targetId).build();
    Set<String> mapped = new LinkedHashSet<>();
    equal.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(targetId);
    List<String> moved =
        repository.getBpmnModelInstance(sourceId).getModelElementsByType(FlowNode.class).stream()
            .filter(ProcessMigrations::canWaitAt)
            .map(FlowNode::getId)
            .filter(id -> !mapped.contains(id))
            .filter(id -> targetModel.getModelElementById(id) instanceof FlowNode)
            .sorted()
            .toList();
    if (moved.isEmpty()) {
      return equal;
    }
    MigrationPlanBuilder withMoved = equalActivities(sourceId, targetId);
    for (String id : moved) {
      withMoved = withMoved.mapActivities(id, id);
    }
    try {
      return withMoved.build();
    } catch (MigrationPlanValidationException e) {
      return equal;
    }
  }

  private MigrationInstructionsBuilder equalActivities(String sourceId, String targetId) {
    return runtime
        .createMigrationPlan(sourceId, targetId)
        .mapEqualActivities()
        .updateEventTriggers();
  }

  /**
   * A timer that belongs to a task: a non-interrupting boundary timer on it ({@code listener}
   * false) or a timeout listener of it. The engine's job definitions name the timer's expression
   * (for example {@code DURATION: ${workflowSettings.reminderAfter('check-faculty')}}) either way.
   */
  private record TaskTimer(String task, String expression, boolean listener) {

    TaskTimer otherKind() {
      return new TaskTimer(task, expression, !listener);
    }
  }

  /**
   * The timers that changed kind between the versions, in either direction: a non-interrupting
   * boundary timer of a task in one, a timeout listener of the same task with the same expression
   * in the other (2.3.0 of the student file made its reminders and escalations listeners; a file
   * moved back to 2.2.0 gets the boundary timers again). Source job definition id → target job
   * definition id.
   */
  private Map<String, String> movedTimers(String sourceId, String targetId) {
    Map<TaskTimer, String> target = new HashMap<>();
    taskTimers(targetId).forEach((jobDefinition, timer) -> target.put(timer, jobDefinition));
    Map<String, String> moved = new HashMap<>();
    taskTimers(sourceId)
        .forEach(
            (jobDefinition, timer) -> {
              String other = target.get(timer.otherKind());
              if (other != null && !target.containsKey(timer)) {
                moved.put(jobDefinition, other);
              }
            });
    return moved;
  }

  /** The task timers of one version: job definition id → timer. */
  private Map<String, TaskTimer> taskTimers(String definitionId) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    Map<String, TaskTimer> timers = new HashMap<>();
    for (JobDefinition job :
        management.createJobDefinitionQuery().processDefinitionId(definitionId).list()) {
      if (TIMEOUT_LISTENER_JOB.equals(job.getJobType())) {
        timers.put(
            job.getId(), new TaskTimer(job.getActivityId(), job.getJobConfiguration(), true));
      } else if (model.getModelElementById(job.getActivityId()) instanceof BoundaryEvent boundary
          && !boundary.cancelActivity()
          && !boundary.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        timers.put(
            job.getId(),
            new TaskTimer(boundary.getAttachedTo().getId(), job.getJobConfiguration(), false));
      }
    }
    return timers;
  }

  /** When each moved timer of these instances is due: "instance target-job-definition" → date. */
  private Map<String, Date> dueDates(List<String> instanceIds, Map<String, String> movedTimers) {
    Map<String, Date> due = new HashMap<>();
    if (movedTimers.isEmpty()) {
      return due;
    }
    for (String instanceId : instanceIds) {
      for (Job timer : management.createJobQuery().processInstanceId(instanceId).timers().list()) {
        String replacement = movedTimers.get(timer.getJobDefinitionId());
        if (replacement != null) {
          due.put(instanceId + " " + replacement, timer.getDuedate());
        }
      }
    }
    return due;
  }

  /**
   * Sets each new timer of a moved timer (a listener's, or a boundary event's) to the old one's due
   * date, or removes it if the old one had fired. Runs right after the migration; the timers it
   * corrects fall due days later.
   */
  private void keepTheMomentsOfMovedTimers(
      List<String> instanceIds, Set<String> newTimers, Map<String, Date> dueBefore) {
    if (newTimers.isEmpty()) {
      return;
    }
    for (String instanceId : instanceIds) {
      for (Job timer : management.createJobQuery().processInstanceId(instanceId).timers().list()) {
        if (!newTimers.contains(timer.getJobDefinitionId())) {
          continue;
        }
        Date due = dueBefore.get(instanceId + " " + timer.getJobDefinitionId());
        if (due == null) {
          management.deleteJob(timer.getId());
        } else {
          management.setJobDuedate(timer.getId(), due);
        }
      }
    }
  }

  private ProcessDefinition definition(String processKey, int version) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .processDefinitionVersion(version)
            .singleResult();
    if (definition == null) {
      throw ParvandehException.notFound(
          "definition-not-found",
          "این نسخه از فرایند پیدا نشد.",
          "No such process version: " + processKey + " v" + version);
    }
    return definition;
  }

  /**
   * The ids of the steps an instance waits at (including async steps whose job has not run yet).
   */
  private static void collect(ActivityInstance instance, Collection<String> ids) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0
          && child.getChildTransitionInstances().length == 0) {
        ids.add(child.getActivityId());
      }
      collect(child, ids);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
  }
}
