package app.parvandeh.workflow;

import app.parvandeh.shared.ParvandehException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

/**
 * Moves running student files from one version of a process to another with Camunda's migration API
 * (the community edition's Cockpit has no migration screen). Steps with the same id in both
 * versions are mapped; a dry run lists the steps that cannot be mapped and the files that wait at
 * one of them, which stay where they are.
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

  private final RepositoryService repository;
  private final RuntimeService runtime;

  ProcessMigrations(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
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
    try {
      plan =
          runtime
              .createMigrationPlan(source.getId(), target.getId())
              .mapEqualActivities()
              .updateEventTriggers()
              .build();
    } catch (MigrationPlanValidationException e) {
      e.getValidationReport()
          .getInstructionReports()
          .forEach(r -> problems.addAll(r.getFailures()));
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
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
      try {
        runtime.newMigration(plan).processInstanceIds(migratable).execute();
        migrated = migratable.size();
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
