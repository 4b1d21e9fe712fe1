package app.parvandeh.monitoring;

import app.parvandeh.shared.JalaliDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The steps every process of a file went through (Camunda history for the business key), oldest
 * first.
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
      for (HistoricActivityInstance a :
          history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).list()) {
        if (a.getActivityName() == null || !SHOWN_TYPES.contains(a.getActivityType())) {
          continue;
        }
        Instant started = a.getStartTime().toInstant();
        Instant ended = a.getEndTime() == null ? null : a.getEndTime().toInstant();
        steps.add(
            new Step(
                processName,
                process.getId(),
                a.getActivityId(),
                a.getActivityName(),
                a.getActivityType(),
                a.getAssignee(),
                null,
                started,
                JalaliDates.dateTime(started),
                JalaliDates.dateTime(ended),
                ended == null,
                a.isCanceled(),
                stateOf(a.getActivityType(), ended == null)));
      }
    }
    steps.sort(Comparator.comparing(Step::startedAt));
    return steps;
  }
}
