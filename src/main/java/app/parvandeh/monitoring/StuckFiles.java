package app.parvandeh.monitoring;

import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.ModelProperties;
import app.parvandeh.workflow.StudentFileProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which student files are stuck, and where: a task past its due date, a failed step (incident), or
 * no progress for some days at a step that should move. Waiting for the end of study or for a
 * graduate's request is not stuck.
 */
@Service
public class StuckFiles {

  public static final String OVERDUE = StuckReason.OVERDUE.name();
  public static final String INCIDENT = StuckReason.INCIDENT.name();
  public static final String IDLE = StuckReason.IDLE.name();

  /**
   * Where a file rightly waits for months or years in versions deployed before the model marked
   * such steps ({@value ModelProperties#NORMAL_WAIT}); their running files must not turn up as
   * stuck.
   */
  private static final Set<String> NORMAL_WAITS_BEFORE_THE_PROPERTY =
      Set.of(
          StudentFileProcess.EVENT_STUDY_ENDED,
          StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST,
          StudentFileProcess.EVENT_AFTER_GRADUATION_REQUEST);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ManagementService management;
  private final StudentService students;
  private final ModelProperties model;
  private final int defaultIdleDays;

  public StuckFiles(
      RuntimeService runtime,
      TaskService tasks,
      HistoryService history,
      RepositoryService repository,
      ManagementService management,
      StudentService students,
      ModelProperties model,
      @Value("${parvandeh.stuck.idle-days:30}") int defaultIdleDays) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.management = management;
    this.students = students;
    this.model = model;
    this.defaultIdleDays = defaultIdleDays;
  }

  /** A file stuck at one step, with every reason that applies and how long it has been there. */
  public record StuckFile(
      String studentNumber,
      String studentName,
      String facultyCode,
      String facultyName,
      String stepId,
      String stepName,
      Set<String> reasons,
      Instant since,
      long ageDays,
      Instant due,
      String incidentMessage,
      String processInstanceId) {}

  /** How many files are stuck at one step of one faculty, per reason. */
  public record StepCount(
      String facultyCode,
      String facultyName,
      String stepId,
      String stepName,
      long overdue,
      long incidents,
      long idle,
      long files) {}

  public record Report(
      int idleDays, Instant generatedAt, List<StuckFile> files, List<StepCount> byFacultyAndStep) {}

  public int defaultIdleDays() {
    return defaultIdleDays;
  }

  @Transactional(readOnly = true)
  public Report report(int idleDays) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Task task :
        tasks
            .createTaskQuery()
            .processDefinitionKey(StudentFileProcess.PROCESS_ID)
            .dueBefore(Date.from(now))
            .list()) {
      row(
              rows,
              task.getProcessInstanceId(),
              task.getTaskDefinitionKey(),
              task.getName(),
              task.getCreateTime().toInstant())
          .overdue(task.getDueDate().toInstant());
    }
    for (ProcessDefinition definition : definitions()) {
      for (Incident incident :
          runtime.createIncidentQuery().processDefinitionId(definition.getId()).list()) {
        row(
                rows,
                incident.getProcessInstanceId(),
                incident.getActivityId(),
                stepName(definition.getId(), incident.getActivityId()),
                incident.getIncidentTimestamp().toInstant())
            .incident(incident.getIncidentMessage());
      }
      unfinishedSteps(definition.getId(), Date.from(now.minus(Duration.ofDays(idleDays)))).stream()
          .filter(
              a ->
                  a.getActivityType().endsWith("Task")
                      || a.getActivityType().startsWith("intermediate"))
          .forEach(
              a ->
                  row(
                          rows,
                          a.getProcessInstanceId(),
                          a.getActivityId(),
                          a.getActivityName() == null ? a.getActivityId() : a.getActivityName(),
                          a.getStartTime().toInstant())
                      .idle());
    }
    identify(rows.values());
    List<StuckFile> files =
        rows.values().stream()
            .map(r -> r.toFile(now))
            .sorted(Comparator.comparing(StuckFile::ageDays).reversed())
            .toList();
    return new Report(idleDays, now, files, count(files));
  }

  /**
   * The steps of this definition's files that started before {@code before} and are still open,
   * except the normal waits. The waits are left out in SQL: nearly every file of an archive waits
   * for the end of study, so the engine's query returned (and mapped) one row per file, 50,000 at
   * archive scale, to be dropped here.
   */
  private List<HistoricActivityInstance> unfinishedSteps(String definitionId, Date before) {
    String normalWaits =
        normalWaits(definitionId).stream()
            .sorted()
            .map(id -> "'" + id + "'")
            .collect(Collectors.joining(", "));
    return history
        .createNativeHistoricActivityInstanceQuery()
        .sql(
            "select * from "
                + management.getTableName(HistoricActivityInstance.class)
                + " where PROC_DEF_ID_ = #{definitionId} and END_TIME_ is null and START_TIME_ < #{before}"
                + (normalWaits.isEmpty() ? "" : " and ACT_ID_ not in (" + normalWaits + ")"))
        .parameter("definitionId", definitionId)
        .parameter("before", before)
        .list();
  }

  /**
   * Each row's student number (its instance's business key) and student, in two queries for all
   * rows.
   */
  private void identify(Collection<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, String> numbers =
        runtime
            .createProcessInstanceQuery()
            .processInstanceIds(
                rows.stream().map(r -> r.processInstanceId).collect(Collectors.toSet()))
            .list()
            .stream()
            .filter(p -> p.getBusinessKey() != null)
            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    Map<String, StudentRef> byNumber =
        students.byNumbers(numbers.values()).stream()
            .collect(Collectors.toMap(StudentRef::studentNumber, s -> s));
    for (Row row : rows) {
      row.studentNumber = numbers.getOrDefault(row.processInstanceId, "");
      row.student = byNumber.get(row.studentNumber);
    }
  }

  private List<ProcessDefinition> definitions() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(StudentFileProcess.PROCESS_ID)
        .list();
  }

  /**
   * A step the model marks as a normal wait ({@value ModelProperties#NORMAL_WAIT}{@code =true}).
   */
  /**
   * The steps of this definition marked {@value ModelProperties#NORMAL_WAIT} in its model; a
   * version deployed before the property existed marks none, and its waits are the ones it always
   * had. Ids are BPMN ids (XML names: no quotes), so they can stand as literals in the query.
   */
  private Set<String> normalWaits(String definitionId) {
    Set<String> waits =
        model.declares(definitionId, ModelProperties.NORMAL_WAIT)
            ? model.elementsWhereTrue(definitionId, ModelProperties.NORMAL_WAIT)
            : NORMAL_WAITS_BEFORE_THE_PROPERTY;
    return waits.stream()
        .filter(id -> id.matches("[A-Za-z_][A-Za-z0-9_.-]*"))
        .collect(Collectors.toSet());
  }

  private String stepName(String definitionId, String activityId) {
    FlowElement element =
        repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  private Row row(
      Map<String, Row> rows,
      String processInstanceId,
      String stepId,
      String stepName,
      Instant since) {
    return rows.computeIfAbsent(
        processInstanceId + "/" + stepId, k -> new Row(processInstanceId, stepId, stepName, since));
  }

  private static List<StepCount> count(List<StuckFile> files) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, StuckFile> first = new LinkedHashMap<>();
    files.stream()
        .sorted(Comparator.comparing(StuckFile::facultyCode).thenComparing(StuckFile::stepId))
        .forEach(
            f -> {
              String key = f.facultyCode() + "/" + f.stepId();
              first.putIfAbsent(key, f);
              long[] c = counts.computeIfAbsent(key, k -> new long[4]);
              c[0] += f.reasons().contains(OVERDUE) ? 1 : 0;
              c[1] += f.reasons().contains(INCIDENT) ? 1 : 0;
              c[2] += f.reasons().contains(IDLE) ? 1 : 0;
              c[3]++;
            });
    List<StepCount> result = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          StuckFile f = first.get(key);
          result.add(
              new StepCount(
                  f.facultyCode(),
                  f.facultyName(),
                  f.stepId(),
                  f.stepName(),
                  c[0],
                  c[1],
                  c[2],
                  c[3]));
        });
    return result;
  }

  /** One file at one step while the report is being built. */
  private static final class Row {
    final String processInstanceId;
    String studentNumber = "";
    StudentRef student;
    final String stepId;
    final String stepName;
    final Set<String> reasons = new TreeSet<>();
    Instant since;
    Instant due;
    String incidentMessage;

    Row(String processInstanceId, String stepId, String stepName, Instant since) {
      this.processInstanceId = processInstanceId;
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
      return new StuckFile(
          studentNumber,
          student == null ? "" : student.fullName(),
          student == null ? "" : student.faculty().code(),
          student == null ? "" : student.faculty().nameFa(),
          stepId,
          stepName,
          reasons,
          since,
          Duration.between(since, now).toDays(),
          due,
          incidentMessage,
          processInstanceId);
    }
  }
}
