package app.parvandeh.workflow;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the office may tune without touching BPMN: days until each kind of task is due ({@code
 * parvandeh.due-days.<task type>}), days after that until managers are asked to follow up ({@code
 * parvandeh.escalation-days}), and whether the after-graduation stage is on ({@code
 * parvandeh.after-graduation.enabled}). The model reads it as {@code ${workflowSettings...}}.
 */
@Component("workflowSettings")
public class WorkflowSettings {

  static final int DEFAULT_DUE_DAYS = 7;

  private final Map<String, Integer> dueDays;
  private final int escalationDays;
  private final boolean afterGraduationEnabled;

  @org.springframework.beans.factory.annotation.Autowired
  WorkflowSettings(
      Environment environment,
      @Value("${parvandeh.escalation-days:3}") int escalationDays,
      @Value("${parvandeh.after-graduation.enabled:false}") boolean afterGraduationEnabled) {
    this(
        Binder.get(environment)
            .bind("parvandeh.due-days", Bindable.mapOf(String.class, Integer.class))
            .orElse(Map.of()),
        escalationDays,
        afterGraduationEnabled);
  }

  /** For process tests, which have no Spring context. */
  WorkflowSettings(
      Map<String, Integer> dueDays, int escalationDays, boolean afterGraduationEnabled) {
    this.dueDays = new HashMap<>(dueDays);
    this.escalationDays = escalationDays;
    this.afterGraduationEnabled = afterGraduationEnabled;
  }

  /** Days a task of this type may stay open. */
  public int dueDays(String taskType) {
    return dueDays.getOrDefault(taskType, DEFAULT_DUE_DAYS);
  }

  public int escalationDays() {
    return escalationDays;
  }

  /**
   * The due date of a task of this type created now (the engine's clock, so tests can move time).
   */
  public Date dueDate(String taskType) {
    return Date.from(
        ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(dueDays(taskType))));
  }

  /** ISO-8601 duration for the reminder timer: when the task falls due. */
  public String reminderAfter(String taskType) {
    return "P" + dueDays(taskType) + "D";
  }

  /** ISO-8601 duration for the managers' follow-up timer: escalation days after the due date. */
  public String escalationAfter(String taskType) {
    return "P" + (dueDays(taskType) + escalationDays) + "D";
  }

  public boolean afterGraduationEnabled() {
    return afterGraduationEnabled;
  }
}
