package app.parvandeh.monitoring;

import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.ModelProperties;
import app.parvandeh.workflow.StudentFileProcess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  private final NamedParameterJdbcTemplate jdbc;
  private final RepositoryService repository;
  private final ManagementService management;
  private final StudentService students;
  private final ModelProperties model;
  private final int defaultIdleDays;

  public StuckFiles(
      NamedParameterJdbcTemplate jdbc,
      RepositoryService repository,
      ManagementService management,
      StudentService students,
      ModelProperties model,
      @Value("${parvandeh.stuck.idle-days:30}") int defaultIdleDays) {
    this.jdbc = jdbc;
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

  /**
   * One page of the report: {@code files} from {@code page * size} in the report's order (oldest
   * first), {@code total} files in all, and the counts of all of them.
   */
  public record Page(
      int idleDays,
      Instant generatedAt,
      int page,
      int size,
      long total,
      List<StuckFile> files,
      List<StepCount> byFacultyAndStep) {}

  public int defaultIdleDays() {
    return defaultIdleDays;
  }

  /** Every stuck file, oldest first (the spreadsheet and the metrics). */
  @Transactional(readOnly = true)
  public Report report(int idleDays) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<StuckFile> files = files(new Query(idleDays, now));
    return new Report(idleDays, now, files, count(files));
  }

  /**
   * One page of the report, cut in the database: only the page's files are read whole (student,
   * step name); the page and the counts of all files are one statement, so the engine's open steps
   * are read once (a common table expression used twice), and a page costs a page.
   */
  @Transactional(readOnly = true)
  public Page page(int idleDays, int page, int size) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Query query = new Query(idleDays, now);
    query.params.addValue("offset", (long) page * size).addValue("size", size);
    Map<String, String> facultyNames =
        students.faculties().stream()
            .collect(Collectors.toMap(FacultyRef::code, FacultyRef::nameFa));
    List<Row> rows = new ArrayList<>();
    List<StepCount> counts = new ArrayList<>();
    jdbc.query(
        "with g as ("
            + query.grouped
            + ") select 'f' kind, p.pi, p.step, p.def, p.since, p.overdue, p.due, p.incident,"
            + " p.msg, p.idle, p.name, e.BUSINESS_KEY_ business_key,"
            + " cast(null as varchar(255)) faculty, 1 files from (select * from g"
            + " order by g.since, g.pi, g.step offset :offset rows fetch next :size rows only) p"
            + " left join "
            + query.executions
            + " e on e.ID_ = p.pi"
            + " union all select 'n', null, x.step, max(x.def), null, sum(x.overdue), null,"
            + " sum(x.incident), null, sum(x.idle), max(x.name), null, x.faculty, count(*) from ("
            + "select coalesce(s.faculty_code, '') faculty, g.* from g left join "
            + query.executions
            + " e on e.ID_ = g.pi left join student s on s.student_number = e.BUSINESS_KEY_"
            + ") x group by x.faculty, x.step order by 1, 5, 2, 3",
        query.params,
        rs -> {
          if ("f".equals(rs.getString("kind"))) {
            rows.add(row(rs));
          } else {
            counts.add(
                new StepCount(
                    rs.getString("faculty"),
                    facultyNames.getOrDefault(rs.getString("faculty"), ""),
                    rs.getString("step"),
                    stepName(rs.getString("def"), rs.getString("step"), rs.getString("name")),
                    rs.getLong("overdue"),
                    rs.getLong("incident"),
                    rs.getLong("idle"),
                    rs.getLong("files")));
          }
        });
    counts.sort(Comparator.comparing(StepCount::facultyCode).thenComparing(StepCount::stepId));
    long total = counts.stream().mapToLong(StepCount::files).sum();
    return new Page(idleDays, now, page, size, total, identified(rows, now), counts);
  }

  /**
   * The stuck files in the report's order: since when, oldest first, then by process instance and
   * step (unique), so that pages neither overlap nor skip when the same report is paged through.
   */
  private List<StuckFile> files(Query query) {
    List<Row> rows =
        jdbc.query(
            "select g.*, e.BUSINESS_KEY_ business_key from ("
                + query.grouped
                + ") g left join "
                + query.executions
                + " e on e.ID_ = g.pi order by g.since, g.pi, g.step",
            query.params,
            (rs, i) -> row(rs));
    return identified(rows, query.now);
  }

  /** One file and step of the report's SQL. */
  private Row row(ResultSet rs) throws SQLException {
    Row row =
        new Row(
            rs.getString("pi"),
            rs.getString("step"),
            stepName(rs.getString("def"), rs.getString("step"), rs.getString("name")),
            rs.getTimestamp("since").toInstant());
    if (rs.getInt("overdue") == 1) {
      row.overdue(rs.getTimestamp("due").toInstant());
    }
    if (rs.getInt("incident") == 1) {
      row.incident(rs.getString("msg"));
    }
    if (rs.getInt("idle") == 1) {
      row.idle();
    }
    row.studentNumber = rs.getString("business_key") == null ? "" : rs.getString("business_key");
    return row;
  }

  /** The rows with their students, looked up in one query for all of them. */
  private List<StuckFile> identified(List<Row> rows, Instant now) {
    Map<String, StudentRef> byNumber =
        rows.isEmpty()
            ? Map.of()
            : students.byNumbers(rows.stream().map(r -> r.studentNumber).toList()).stream()
                .collect(Collectors.toMap(StudentRef::studentNumber, s -> s));
    return rows.stream()
        .map(
            r -> {
              r.student = byNumber.get(r.studentNumber);
              return r.toFile(now);
            })
        .toList();
  }

  /**
   * The report's SQL over the engine's tables, one row per file and step: its overdue task, its
   * incidents and its open step, each where the engine's own queries would find them. The normal
   * waits are left out in SQL: nearly every file of an archive waits for the end of study, so the
   * engine's query returned (and mapped) one row per file, 50,000 at archive scale, to be dropped
   * in Java. The open steps are asked for by name, each definition's tasks and intermediate events
   * other than its normal waits, rather than as "every step but the normal waits": so the database
   * can go through {@link OpenStepsIndex} straight to them instead of reading every open step of
   * the archive. Where several sources name one step, "since" is the task's creation, else the
   * incident's time, else the step's start, as the report always had it.
   */
  private final class Query {
    final Instant now;
    final MapSqlParameterSource params = new MapSqlParameterSource();
    final String executions = management.getTableName(ProcessInstance.class);
    final String grouped;

    Query(int idleDays, Instant now) {
      this.now = now;
      List<String> definitions = definitions().stream().map(ProcessDefinition::getId).toList();
      params
          .addValue("now", Timestamp.from(now))
          .addValue("before", Timestamp.from(now.minus(Duration.ofDays(idleDays))))
          .addValue("definitions", definitions.isEmpty() ? List.of("") : definitions);
      List<String> openSteps = new ArrayList<>();
      for (int i = 0; i < definitions.size(); i++) {
        Set<String> steps = new TreeSet<>(model.steps(definitions.get(i)));
        steps.removeAll(normalWaits(definitions.get(i)));
        if (!steps.isEmpty()) {
          params.addValue("d" + i, definitions.get(i)).addValue("s" + i, List.copyOf(steps));
          openSteps.add("a.PROC_DEF_ID_ = :d" + i + " and a.ACT_ID_ in (:s" + i + ")");
        }
      }
      String sources =
          "select 1 src, t.PROC_INST_ID_ pi, t.TASK_DEF_KEY_ step, t.PROC_DEF_ID_ def,"
              + " t.CREATE_TIME_ since, t.DUE_DATE_ due, cast(null as varchar(4000)) msg, t.NAME_ name"
              + " from "
              + management.getTableName(Task.class)
              + " t where t.PROC_DEF_ID_ in (:definitions) and t.DUE_DATE_ < :now"
              + " union all select 2, i.PROC_INST_ID_, i.ACTIVITY_ID_, i.PROC_DEF_ID_,"
              + " i.INCIDENT_TIMESTAMP_, null, i.INCIDENT_MSG_, null from "
              + management.getTableName(Incident.class)
              + " i where i.PROC_DEF_ID_ in (:definitions) and i.PROC_INST_ID_ is not null"
              + " union all select 3, a.PROC_INST_ID_, a.ACT_ID_, a.PROC_DEF_ID_, a.START_TIME_,"
              + " null, null, a.ACT_NAME_ from "
              + management.getTableName(HistoricActivityInstance.class)
              + " a where a.END_TIME_ is null and a.START_TIME_ < :before"
              + " and (a.ACT_TYPE_ like '%Task' or a.ACT_TYPE_ like 'intermediate%') and ("
              + (openSteps.isEmpty() ? "1 = 0" : String.join(" or ", openSteps))
              + ")";
      grouped =
          "select u.pi, u.step, max(u.def) def,"
              + " coalesce(min(case when u.src = 1 then u.since end),"
              + " min(case when u.src = 2 then u.since end), min(u.since)) since,"
              + " max(case when u.src = 1 then 1 else 0 end) overdue, max(u.due) due,"
              + " max(case when u.src = 2 then 1 else 0 end) incident, max(u.msg) msg,"
              + " max(case when u.src = 3 then 1 else 0 end) idle,"
              + " coalesce(max(case when u.src = 1 then u.name end), max(u.name)) name"
              + " from ("
              + sources
              + ") u group by u.pi, u.step";
    }
  }

  private List<ProcessDefinition> definitions() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(StudentFileProcess.PROCESS_ID)
        .list();
  }

  /**
   * The steps of this definition marked {@value ModelProperties#NORMAL_WAIT} in its model; a
   * version deployed before the property existed marks none, and its waits are the ones it always
   * had.
   */
  private Set<String> normalWaits(String definitionId) {
    return model.declares(definitionId, ModelProperties.NORMAL_WAIT)
        ? model.elementsWhereTrue(definitionId, ModelProperties.NORMAL_WAIT)
        : NORMAL_WAITS_BEFORE_THE_PROPERTY;
  }

  /** The step's name as the engine recorded it, else the model's, else its id. */
  private String stepName(String definitionId, String activityId, String recorded) {
    if (recorded != null) {
      return recorded;
    }
    FlowElement element =
        repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
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
