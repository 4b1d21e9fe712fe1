package app.parvandeh.workflow;

import app.parvandeh.student.Student;
import app.parvandeh.student.StudentService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which student files are stuck, and where: a task past its due date, a failed step (incident), or no progress for
 * some days at a step that should move. Waiting for the end of study or for a graduate's request is not stuck.
 */
@Service
public class StuckFiles {

  public static final String OVERDUE = "OVERDUE";
  public static final String INCIDENT = "INCIDENT";
  public static final String IDLE = "IDLE";

  /**
   * Where a file rightly waits for months or years in versions deployed before the model marked such steps
   * ({@value ModelProperties#NORMAL_WAIT}); their running files must not turn up as stuck.
   */
  private static final Set<String> NORMAL_WAITS_BEFORE_THE_PROPERTY = Set.of(StudentFileProcess.EVENT_STUDY_ENDED,
      StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST, StudentFileProcess.EVENT_AFTER_GRADUATION_REQUEST);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final StudentService students;
  private final ModelProperties model;
  private final int defaultIdleDays;

  StuckFiles(RuntimeService runtime, TaskService tasks, HistoryService history, RepositoryService repository,
      StudentService students, ModelProperties model, @Value("${parvandeh.stuck.idle-days:30}") int defaultIdleDays) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.students = students;
    this.model = model;
    this.defaultIdleDays = defaultIdleDays;
  }

  /** A file stuck at one step, with every reason that applies and how long it has been there. */
  public record StuckFile(String studentNumber, String studentName, String facultyCode, String facultyName,
      String stepId, String stepName, Set<String> reasons, Instant since, long ageDays, Instant due,
      String incidentMessage, String processInstanceId) {}

  /** How many files are stuck at one step of one faculty, per reason. */
  public record StepCount(String facultyCode, String facultyName, String stepId, String stepName, long overdue,
      long incidents, long idle, long files) {}

  public record Report(int idleDays, Instant generatedAt, List<StuckFile> files, List<StepCount> byFacultyAndStep) {}

  public int defaultIdleDays() {
    return defaultIdleDays;
  }

  @Transactional(readOnly = true)
  public Report report(int idleDays) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Task task : tasks.createTaskQuery().processDefinitionKey(StudentFileProcess.PROCESS_ID)
        .dueBefore(Date.from(now)).list()) {
      row(rows, task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(),
          task.getCreateTime().toInstant()).overdue(task.getDueDate().toInstant());
    }
    for (ProcessDefinition definition : definitions()) {
      for (Incident incident : runtime.createIncidentQuery().processDefinitionId(definition.getId()).list()) {
        row(rows, incident.getProcessInstanceId(), incident.getActivityId(),
            stepName(definition.getId(), incident.getActivityId()), incident.getIncidentTimestamp().toInstant())
            .incident(incident.getIncidentMessage());
      }
      history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId()).unfinished()
          .startedBefore(Date.from(now.minus(Duration.ofDays(idleDays)))).list().stream()
          .filter(a -> !isNormalWait(definition.getId(), a.getActivityId()))
          .filter(a -> a.getActivityType().endsWith("Task") || a.getActivityType().startsWith("intermediate"))
          .forEach(a -> row(rows, a.getProcessInstanceId(), a.getActivityId(),
              a.getActivityName() == null ? a.getActivityId() : a.getActivityName(), a.getStartTime().toInstant())
              .idle());
    }
    List<StuckFile> files = rows.values().stream().map(r -> r.toFile(now))
        .sorted(Comparator.comparing(StuckFile::ageDays).reversed()).toList();
    return new Report(idleDays, now, files, count(files));
  }

  private List<ProcessDefinition> definitions() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(StudentFileProcess.PROCESS_ID).list();
  }

  /** A step the model marks as a normal wait ({@value ModelProperties#NORMAL_WAIT}{@code =true}). */
  private boolean isNormalWait(String definitionId, String activityId) {
    if (!model.declares(definitionId, ModelProperties.NORMAL_WAIT)) {
      return NORMAL_WAITS_BEFORE_THE_PROPERTY.contains(activityId);
    }
    return model.isTrue(definitionId, activityId, ModelProperties.NORMAL_WAIT);
  }

  private String stepName(String definitionId, String activityId) {
    FlowElement element = repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  private Row row(Map<String, Row> rows, String processInstanceId, String stepId, String stepName, Instant since) {
    return rows.computeIfAbsent(processInstanceId + "/" + stepId, k -> {
      String number = Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
          .singleResult()).map(p -> p.getBusinessKey()).orElse("");
      return new Row(processInstanceId, number, students.find(number).orElse(null), stepId, stepName, since);
    });
  }

  private static List<StepCount> count(List<StuckFile> files) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, StuckFile> first = new LinkedHashMap<>();
    files.stream().sorted(Comparator.comparing(StuckFile::facultyCode).thenComparing(StuckFile::stepId))
        .forEach(f -> {
          String key = f.facultyCode() + "/" + f.stepId();
          first.putIfAbsent(key, f);
          long[] c = counts.computeIfAbsent(key, k -> new long[4]);
          c[0] += f.reasons().contains(OVERDUE) ? 1 : 0;
          c[1] += f.reasons().contains(INCIDENT) ? 1 : 0;
          c[2] += f.reasons().contains(IDLE) ? 1 : 0;
          c[3]++;
        });
    List<StepCount> result = new ArrayList<>();
    counts.forEach((key, c) -> {
      StuckFile f = first.get(key);
      result.add(new StepCount(f.facultyCode(), f.facultyName(), f.stepId(), f.stepName(), c[0], c[1], c[2], c[3]));
    });
    return result;
  }

  /** One file at one step while the report is being built. */
  private static final class Row {
    final String processInstanceId;
    final String studentNumber;
    final Student student;
    final String stepId;
    final String stepName;
    final Set<String> reasons = new TreeSet<>();
    Instant since;
    Instant due;
    String incidentMessage;

    Row(String processInstanceId, String studentNumber, Student student, String stepId, String stepName,
        Instant since) {
      this.processInstanceId = processInstanceId;
      this.studentNumber = studentNumber;
      this.student = student;
      this.stepId = stepId;
      this.stepName = stepName;
      this.since = since;
    }

    Row overdue(Instant dueDate) {
      reasons.add(OVERDUE);
      due = dueDate;
      return this;
    }

    Row incident(String message) {
      reasons.add(INCIDENT);
      incidentMessage = message;
      return this;
    }

    Row idle() {
      reasons.add(IDLE);
      return this;
    }

    StuckFile toFile(Instant now) {
      return new StuckFile(studentNumber, student == null ? "" : student.getFullName(),
          student == null ? "" : student.getFaculty().getCode(), student == null ? "" : student.getFaculty().getNameFa(),
          stepId, stepName, reasons, since, Duration.between(since, now).toDays(), due, incidentMessage,
          processInstanceId);
    }
  }
}
