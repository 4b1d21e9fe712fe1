package app.parvandeh.monitoring;

import app.parvandeh.shared.JalaliDates;
import app.parvandeh.workflow.OverdueFollowUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;

/**
 * The steps every process of a file went through (Camunda history for the business key), oldest
 * first. Each time a task fell overdue is one line naming the task and what followed, not the steps
 * of the event sub-process «پیگیری پرونده معطل» that did it (its start «کاری از مهلتش گذشت» says
 * neither which task nor what was done).
 */
@Service
public class FileTimeline {

  /** Gateways and flow plumbing are not steps a clerk would name. */
  private static final Set<String> SHOWN_TYPES =
      Set.of(
          "startEvent",
          "noneEndEvent",
          "endEvent",
          "userTask",
          "serviceTask",
          "intermediateMessageCatch",
          "messageStartEvent",
          "businessRuleTask",
          "callActivity",
          "sendTask",
          "receiveTask",
          "intermediateTimer",
          "messageEndEvent");

  private final HistoryService history;

  FileTimeline(HistoryService history) {
    this.history = history;
  }

  /**
   * One step: which process, what, who, when it began and ended (Jalali); open while not ended.
   * {@code assignee} is the login; {@code assigneeName} the person's name once a page has looked it
   * up ({@link #named}), else null.
   */
  public record Step(
      String processName,
      String processInstanceId,
      String activityId,
      String activityName,
      String activityType,
      String assignee,
      String assigneeName,
      Instant startedAt,
      String startedAtJalali,
      String endedAtJalali,
      boolean open,
      boolean canceled,
      String stateLabel) {

    /** This step with its assignee's name as people read it. */
    public Step named(String name) {
      return new Step(
          processName,
          processInstanceId,
          activityId,
          activityName,
          activityType,
          assignee,
          name,
          startedAt,
          startedAtJalali,
          endedAtJalali,
          open,
          canceled,
          stateLabel);
    }
  }

  /** Steps where the file waits for something to happen rather than for someone to act. */
  private static final Set<String> WAITS =
      Set.of("intermediateMessageCatch", "intermediateTimer", "receiveTask");

  /** How an open step reads: a wait is not work in progress («در انتظار», not «در جریان»). */
  static String stateOf(String activityType, boolean open) {
    if (!open) {
      return "انجام شد";
    }
    return WAITS.contains(activityType)
        ? "در انتظار"
        : "userTask".equals(activityType) ? "در دست انجام" : "در جریان";
  }

  public List<Step> of(String studentNumber) {
    List<Step> steps = new ArrayList<>();
    for (HistoricProcessInstance process :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(studentNumber)
            .list()) {
      String processName =
          process.getProcessDefinitionName() == null
              ? process.getProcessDefinitionKey()
              : process.getProcessDefinitionName();
      List<HistoricActivityInstance> activities =
          history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).list();
      Set<String> followUps =
          activities.stream()
              .filter(a -> OverdueFollowUp.SUB_PROCESS.equals(a.getActivityId()))
              .map(HistoricActivityInstance::getId)
              .collect(Collectors.toSet());
      List<HistoricVariableUpdate> followUpVariables =
          followUps.isEmpty() ? List.of() : followUpVariables(process.getId());
      for (HistoricActivityInstance a : activities) {
        if (followUps.contains(a.getId())) {
          steps.add(overdue(processName, a, activities, variablesOf(a, followUpVariables)));
        } else if (a.getActivityName() != null
            && SHOWN_TYPES.contains(a.getActivityType())
            && !followUps.contains(a.getParentActivityInstanceId())) {
          steps.add(
              step(processName, a, a.getActivityName(), a.getActivityType(), a.getAssignee()));
        }
      }
    }
    steps.sort(Comparator.comparing(Step::startedAt));
    return steps;
  }

  private static Step step(
      String processName, HistoricActivityInstance a, String name, String type, String assignee) {
    Instant started = a.getStartTime().toInstant();
    Instant ended = a.getEndTime() == null ? null : a.getEndTime().toInstant();
    return new Step(
        processName,
        a.getProcessInstanceId(),
        a.getActivityId(),
        name,
        type,
        assignee,
        null,
        started,
        JalaliDates.dateTime(started),
        JalaliDates.dateTime(ended),
        ended == null,
        a.isCanceled(),
        stateOf(type, ended == null));
  }

  /** What followed a task falling overdue, as the clerk reads it. */
  private static final Map<String, String> FOLLOW_UPS =
      Map.of(
          OverdueFollowUp.REMINDER, "یادآوری به گروهش",
          OverdueFollowUp.ESCALATION, "پیگیری مدیران");

  /**
   * One time a task fell overdue: «بررسی … از مهلتش گذشت: پیگیری مدیران», open (and with the
   * managers' assignee) while its follow-up task is.
   */
  private static Step overdue(
      String processName,
      HistoricActivityInstance followUp,
      List<HistoricActivityInstance> activities,
      Map<String, Object> variables) {
    Object taskId = variables.get(OverdueFollowUp.VAR_OVERDUE_TASK);
    Object stepId = variables.get(OverdueFollowUp.VAR_OVERDUE_STEP);
    String task =
        activities.stream()
            .filter(
                a ->
                    taskId != null
                        ? taskId.equals(a.getTaskId())
                        : a.getActivityId().equals(stepId))
            .map(HistoricActivityInstance::getActivityName)
            .findFirst()
            .orElse(String.valueOf(stepId));
    String level = String.valueOf(variables.get(OverdueFollowUp.VAR_LEVEL));
    HistoricActivityInstance work =
        activities.stream()
            .filter(a -> followUp.getId().equals(a.getParentActivityInstanceId()))
            .filter(a -> "userTask".equals(a.getActivityType()))
            .findFirst()
            .orElse(null);
    return step(
        processName,
        followUp,
        "«" + task + "» از مهلتش گذشت: " + FOLLOW_UPS.getOrDefault(level, level),
        work == null ? followUp.getActivityType() : work.getActivityType(),
        work == null ? null : work.getAssignee());
  }

  /**
   * Every value the follow-up variables took in a process, in the order they were set: on each
   * follow-up's own scope, or (follow-ups started before they were kept there) on the file's, where
   * a later follow-up overwrote an earlier one's and only the history of updates keeps each.
   */
  private List<HistoricVariableUpdate> followUpVariables(String processInstanceId) {
    Set<String> names =
        Set.of(
            OverdueFollowUp.VAR_LEVEL,
            OverdueFollowUp.VAR_OVERDUE_TASK,
            OverdueFollowUp.VAR_OVERDUE_STEP);
    return history
        .createHistoricDetailQuery()
        .processInstanceId(processInstanceId)
        .variableUpdates()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(u -> names.contains(u.getVariableName()))
        .toList();
  }

  /**
   * The follow-up's variables: those set on its own scope (the sub-process's execution; their
   * update is recorded a moment after the sub-process starts), or else the last values set on the
   * file's before it started (the message set them).
   */
  private static Map<String, Object> variablesOf(
      HistoricActivityInstance followUp, List<HistoricVariableUpdate> updates) {
    Map<String, Object> values = new HashMap<>();
    updates.stream()
        .filter(u -> followUp.getExecutionId().equals(u.getExecutionId()))
        .forEach(u -> values.put(u.getVariableName(), u.getValue()));
    if (values.isEmpty()) {
      updates.stream()
          .filter(u -> !u.getTime().after(followUp.getStartTime()))
          .forEach(u -> values.put(u.getVariableName(), u.getValue()));
    }
    return values;
  }
}
