package app.parvandeh.security;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rules of our own pages, held at the engine's generic doors too: {@code /engine-rest} and the
 * webapps' {@code /camunda/api} (Tasklist, Cockpit, Admin). Camunda's authorizations decide what a
 * user may read; they are too coarse for what a user may change (a task comment needs no permission
 * at all, completing a task may set any variable), so every change is checked here before the
 * engine sees it:
 *
 * <ul>
 *   <li>students have no engine access of their own: the portal completes their tasks once the work
 *       is done;
 *   <li>a change is let through only if the caller's role does that work (a deny-by-default list
 *       below): task comments, attachments, identity links and variables are no one's work but an
 *       admin's (notes, documents and decisions go through Parvandeh's own API, which keeps them in
 *       the file); read-only roles change nothing but the state of their own tasks;
 *   <li>a task is completed, and a process started, only with the variables its model declares as
 *       outputs;
 *   <li>no one writes a variable that says whose file a process is, through any endpoint;
 *   <li>a process is started at its start event, so its start listener checks the file and records
 *       who asked: no start instructions, no skipped listeners or input mappings;
 *   <li>a task is claimed for oneself and handed only to someone of its candidate groups, so no
 *       grant on it reaches another faculty; a task update (Tasklist's dates) changes its follow-up
 *       date only: its name, owner, priority and due date are the process's (the due date is what
 *       the stuck-files report measures);
 *   <li>a body declared JSON that does not parse as JSON is refused, not passed on unchecked.
 * </ul>
 *
 * <p>Camunda's authorizations do not scope the engine-wide counts: any signed-in user reads the
 * metrics and the process statistics (every faculty's files in each step, failed jobs, incidents),
 * and the job log of the jobs of no process (an admin's batches). They, and Cockpit's own plugin
 * API, are answered only to Cockpit's users ({@link Groups#COCKPIT_USERS}); a clerk's Tasklist
 * needs none of them.
 *
 * <p>Admins ({@code camunda-admin}) keep the engine's own administration, but not the rules on
 * variables (declared outputs, file identity).
 *
 * <p>A task's single comments and its attachments are read only by those the engine shows the task
 * (404 to anyone else): the engine itself answers them to whoever names the task.
 *
 * <p>One read is answered here too: a task's comments. The engine finds the task for that read in
 * its history, which clerks may not read, and so answers 404 to Tasklist for every task a clerk
 * opens. A non-admin gets the comments of a task the engine shows them (a task query under their
 * own authorizations), and an empty list for any other task: no error, and nothing they could not
 * see anyway.
 */
class EngineDoorGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineDoorGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private static final Pattern ENGINE_REST =
      Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");
  private static final Pattern WEBAPP_ENGINE =
      Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");

  /** POSTs that only query (Camunda takes long query bodies by POST). */
  private static final Pattern QUERY =
      Pattern.compile(
          "^/(?:(?:task|process-instance|execution|variable-instance"
              + "|job|job-definition|external-task|incident|case-instance|case-execution)(?:/count)?"
              + "|filter/[^/]+/(?:list|count|singleResult)"
              + "|history/(?:activity-instance|process-instance|task|variable-instance|detail|decision-instance|incident"
              + "|job-log|user-operation|batch|case-instance|case-activity-instance|external-task-log|identity-link-log)"
              + "(?:/count)?"
              + "|migration/(?:generate|validate))$");

  /**
   * Work on a task the engine lets the caller work on (candidate group or assignee): state, not
   * content.
   */
  private static final Pattern TASK_WORK =
      Pattern.compile("^/task/[^/]+/(?:claim|unclaim|assignee|complete" + "|submit-form)$");

  /** Tasklist's follow-up and due dates: an update of the task itself ({@code PUT /task/{id}}). */
  private static final Pattern TASK_UPDATE = Pattern.compile("^/task/(?!create$)[^/]+$");

  /** The requests that hand the engine variables with a task's completion or a process's start. */
  private static final Pattern TASK_OUTPUTS =
      Pattern.compile("^/task/([^/]+)/(?:complete|submit-form|resolve)$");

  private static final Pattern START =
      Pattern.compile(
          "^/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?"
              + "|([^/]+))/(?:start|submit-form)$");

  /** What a start may carry besides its variables: nothing that starts it elsewhere. */
  private static final Set<String> START_FIELDS =
      Set.of("variables", "businessKey", "withVariablesInReturn");

  /** Moving running processes to another version (the plan in the body). */
  private static final Pattern MIGRATION = Pattern.compile("^/migration/(?:execute|executeAsync)$");

  /** Claiming a task, or assigning it ({@code userId} in the body). */
  private static final Pattern ASSIGNMENT = Pattern.compile("^/task/([^/]+)/(claim|assignee)$");

  /**
   * Engine-wide counts, every faculty's together: the metrics and the process statistics that
   * Cockpit's dashboards show (how many files stand where, failed jobs, incidents).
   */
  private static final Pattern ENGINE_WIDE_COUNTS =
      Pattern.compile(
          "^/(?:metrics(?:/.*)?"
              + "|(?:history/)?process-definition/(?:[^/]+/|key/[^/]+/(?:tenant-id/[^/]+/)?)?"
              + "statistics(?:-count)?"
              // The jobs and their log: the engine shows anyone the jobs of no process (the
              // batches an admin starts: migrations, retries), with their exception stack traces.
              + "|job(?:/.*)?|history/job-log(?:/.*)?)$");

  /** The list of a task's comments ({@code GET /task/{id}/comment}). */
  private static final Pattern TASK_COMMENTS = Pattern.compile("^/task/([^/]+)/comment$");

  /**
   * One comment or attachment of a task, or the attachments' list and content: the engine answers
   * these to anyone who names the task, whatever their authorizations.
   */
  private static final Pattern TASK_CONTENT =
      Pattern.compile("^/task/([^/]+)/(?:comment/[^/]+|attachment(?:/[^/]+(?:/data)?)?)$");

  /** The engine REST API's date format (Camunda's default {@code dateFormat}). */
  private static final DateTimeFormatter ENGINE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private static final Pattern MODELS =
      Pattern.compile(
          "^/(?:deployment/create|deployment/[^/]+/redeploy"
              + "|migration/(?:execute|executeAsync))$");

  /**
   * A variable named in the path: {@code …/variables/{name}}, {@code
   * …/localVariables/{name}[/data]}.
   */
  private static final Pattern VARIABLE_IN_PATH =
      Pattern.compile("/(?:variables|localVariables)/([^/]+)(?:/data)?$");

  /** JSON fields whose object keys are variable names, wherever they sit in a body. */
  private static final Set<String> VARIABLE_MAPS =
      Set.of(
          "variables",
          "modifications",
          "processVariables",
          "processVariablesLocal",
          "processVariablesToTriggeredScope",
          "localVariables",
          "correlationKeys",
          "localCorrelationKeys");

  private final IdentityService identity;
  private final TaskService tasks;
  private final DeclaredOutputs outputs;
  private final RepositoryService repository;
  private final StudentService students;
  private final FileAccessPolicy files;

  EngineDoorGuard(
      IdentityService identity,
      TaskService tasks,
      DeclaredOutputs outputs,
      RepositoryService repository,
      StudentService students,
      FileAccessPolicy files) {
    this.identity = identity;
    this.tasks = tasks;
    this.outputs = outputs;
    this.repository = repository;
    this.students = students;
    this.files = files;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    CurrentUser user = CurrentUser.signedIn(identity);
    if (user == null) {
      if (path.startsWith("/engine-rest")) {
        // Camunda's own filter passed it unauthenticated: its list of engine names. Every other
        // path it answers 401 before this filter; this one too, so no door is open to anyone.
        log.warn("Refused at the engine's door: anonymous {} {}", request.getMethod(), path);
        response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
        JsonRefusal.write(
            response,
            401,
            "sign-in-required",
            "برای این درخواست باید وارد شوید.",
            "Sign in to make this request.",
            null);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (user.isStudent()) {
      refuse(
          request,
          response,
          403,
          "engine-closed-to-students",
          "دانشجویان فقط از درگاه دانشجو کار می‌کنند؛ رابط‌های موتور فرایند برای آن‌ها بسته است.",
          "Students work through the student portal only; the engine's APIs are closed to them.",
          null,
          user);
      return;
    }
    String engine = enginePath(path);
    if (!seesCockpit(user)
        && (engine != null && ENGINE_WIDE_COUNTS.matcher(engine).matches()
            || path.startsWith("/camunda/api/cockpit/")
            // Admin's plugins answer engine-wide figures too (the aggregated metrics).
            || path.startsWith("/camunda/api/admin/plugin/"))) {
      refuse(
          request,
          response,
          403,
          "engine-counts-refused",
          "شمارش‌ها و گزارش کارهای کل موتور فرایند (آمار، سنجه‌ها و کارهای همه دانشکده‌ها) فقط برای"
              + " کاربران Cockpit است: مدیران و مالکان فرایند.",
          "The engine-wide counts and job log (every faculty's statistics, metrics and jobs) are"
              + " for Cockpit's users only: managers and process owners.",
          null,
          user);
      return;
    }
    if (READS.contains(request.getMethod())) {
      Matcher comments =
          engine == null || isAdmin(user) || !"GET".equals(request.getMethod())
              ? null
              : TASK_COMMENTS.matcher(engine);
      Matcher content = comments == null ? null : TASK_CONTENT.matcher(engine);
      if (comments != null && comments.matches()) {
        answerComments(comments.group(1), user, response);
      } else if (content != null && content.matches() && !visibleTo(user, content.group(1))) {
        refuse(
            request,
            response,
            404,
            "task-not-found",
            "این کار پیدا نشد یا برای شما نیست.",
            "No such task, or not one of yours.",
            null,
            user);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    if (engine == null) {
      // Webapp plugins: Cockpit's plugin queries are reads; the webapps' own sign-in and sign-out
      // change no file.
      if (isAdmin(user)
          || path.startsWith("/camunda/api/cockpit/plugin/")
          || path.matches("^/camunda/api/admin/auth/user/[^/]+/(?:logout|login/[^/]+)$")) {
        chain.doFilter(request, response);
      } else {
        refuseChange(request, response, user);
      }
      return;
    }
    if (!mayChange(user, request.getMethod(), engine)) {
      refuseChange(request, response, user);
      return;
    }
    boolean json = isJson(request);
    CachedBodyRequest cached = json ? CachedBodyRequest.of(request, response) : null;
    if (json && cached == null) {
      return; // too large: answered 413
    }
    JsonNode body = cached == null ? null : parse(cached.body());
    if (!startsAtItsStartEvent(request, response, user, engine, body)
        || !isAdmin(user) && !workAsModelled(request, response, user, engine, cached, body)) {
      return;
    }
    String refusal = undeclared(engine, body);
    if (refusal != null) {
      refuse(
          request,
          response,
          400,
          "variable-not-declared",
          "این کار فقط مقدارهایی را می‌پذیرد که در مدل فرایند برای آن تعریف شده است؛ این‌ها پذیرفته نیست: "
              + refusal,
          "Only the task's declared outputs may be submitted; refused: " + refusal,
          refusal,
          user);
      return;
    }
    String identityVariable = fileIdentityIn(engine, body, START.matcher(engine).matches());
    if (identityVariable != null) {
      refuse(
          request,
          response,
          400,
          "file-identity-variable",
          "اینکه پرونده از آنِ کدام دانشجوست از کلید فرایند و جدول‌های سامانه خوانده می‌شود و تغییرپذیر نیست: "
              + identityVariable,
          "Whose file a process works on comes from its business key and cannot be changed: "
              + identityVariable,
          identityVariable,
          user);
      return;
    }
    chain.doFilter(cached == null ? request : cached, response);
  }

  /**
   * The rules on a start through the doors, for admins too; false when it was refused (and
   * answered). Only the study-document process is started here; it carries its variables and
   * business key only (start instructions or skipped listeners would pass the start listener that
   * checks the file, faculty and author, and write its variables unchecked); and its caller may
   * change the file it names.
   */
  private boolean startsAtItsStartEvent(
      HttpServletRequest request,
      HttpServletResponse response,
      CurrentUser user,
      String engine,
      JsonNode body)
      throws IOException {
    Matcher start = START.matcher(engine);
    if (start.matches() && !STARTED_THROUGH_DOORS.equals(keyOf(start))) {
      // Any other process started with a student's number as its key would act on that file
      // (its steps take the file from the key) with no start listener checking the starter.
      refuse(
          request,
          response,
          403,
          "start-refused",
          "از درگاه‌های موتور فقط فرایند ثبت مدرک در طول تحصیل آغاز می‌شود؛ فرایند پرونده را سامانه"
              + " هنگام پذیرش آغاز می‌کند.",
          "Only the study-document process is started through the engine's doors; a file's own"
              + " process is started by the application at admission.",
          null,
          user);
      return false;
    }
    if (start.matches() && body != null && body.isObject()) {
      Set<String> extra = new TreeSet<>();
      body.fieldNames().forEachRemaining(extra::add);
      extra.removeAll(START_FIELDS);
      if (!extra.isEmpty()) {
        String detail = String.join(", ", extra);
        refuse(
            request,
            response,
            400,
            "start-at-start-event",
            "فرایند فقط از رویداد آغازش شروع می‌شود تا بررسی‌های پرونده انجام شود؛ این‌ها پذیرفته نیست: "
                + detail,
            "A process starts at its start event, where the file is checked; refused: " + detail,
            detail,
            user);
        return false;
      }
    }
    if (start.matches() && !mayChangeTheFileItNames(user, body)) {
      // Checked here, not only by the process's start listener: a new version of the model
      // without that listener would otherwise let anyone act on any file.
      refuse(
          request,
          response,
          403,
          "file-change-refused",
          "شما اجازه تغییر پرونده این دانشجو را ندارید.",
          "You may not change this student's file.",
          null,
          user);
      return false;
    }
    return true;
  }

  /**
   * Whether the caller may change the file a start names, by its business key or its {@code
   * studentNumber} variable (the two must agree); a start that names no file acts on none.
   */
  private boolean mayChangeTheFileItNames(CurrentUser user, JsonNode body) {
    if (body == null || !body.isObject()) {
      return true;
    }
    String key = body.path("businessKey").isTextual() ? body.path("businessKey").asText() : null;
    JsonNode number = body.path("variables").path(STUDENT_NUMBER).path("value");
    String named = number.isValueNode() && !number.isNull() ? number.asText() : null;
    if (key == null && named == null) {
      return true;
    }
    if (key != null
        && named != null
        && !PersianText.digits(key).equals(PersianText.digits(named))) {
      return false;
    }
    return students
        .find(key != null ? key : named)
        .map(student -> files.canChange(user, student))
        .orElse(false);
  }

  /** The key of the process definition a start names by key or by id; null if none. */
  private String keyOf(Matcher start) {
    if (start.group(1) != null) {
      return start.group(1);
    }
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionId(start.group(2))
            .singleResult();
    return definition == null ? null : definition.getKey();
  }

  /**
   * The non-admin rules on how work is done (start, assignment, task update, a readable body);
   * false when the request was refused (and answered).
   */
  private boolean workAsModelled(
      HttpServletRequest request,
      HttpServletResponse response,
      CurrentUser user,
      String engine,
      CachedBodyRequest cached,
      JsonNode body)
      throws IOException {
    if (cached != null && body == null && cached.body().length > 0) {
      refuse(
          request,
          response,
          400,
          "body-not-json",
          "بدنه درخواست JSON اعلام شده اما JSON درست نیست.",
          "The request's body is declared JSON but does not parse as JSON.",
          null,
          user);
      return false;
    }
    String offModel = MIGRATION.matcher(engine).matches() ? offModelMigration(body) : null;
    if (offModel != null) {
      refuse(
          request,
          response,
          400,
          "migration-step-for-step",
          "پرونده‌ها هر گام به همان گام نسخه دیگر منتقل می‌شوند، بی‌مقدار تازه و بی‌پرش از شنونده‌ها و نگاشت‌ها؛ این‌ها پذیرفته نیست: "
              + offModel,
          "A running file moves each step to the same step of the other version, with no new"
              + " variables and no skipped listeners or mappings; refused: "
              + offModel,
          offModel,
          user);
      return false;
    }
    Matcher assignment = ASSIGNMENT.matcher(engine);
    if (assignment.matches()) {
      JsonNode userId = body == null ? null : body.get("userId");
      String to = userId == null || userId.isNull() ? null : userId.asText();
      boolean claim = "claim".equals(assignment.group(2));
      if (!(user.id().equals(to)
          || (!claim && (to == null || inCandidateGroup(assignment.group(1), to))))) {
        refuse(
            request,
            response,
            403,
            "assignment-refused",
            "کار را فقط برای خودتان برمی‌دارید و فقط به همکاری از گروه همان کار می‌سپارید.",
            "A task is claimed for oneself and handed only to a member of its candidate groups.",
            to,
            user);
        return false;
      }
    }
    if ("PUT".equals(request.getMethod()) && TASK_UPDATE.matcher(engine).matches()) {
      String changed = changedTaskFields(engine.substring("/task/".length()), body, user);
      if (changed != null) {
        refuse(
            request,
            response,
            403,
            "task-update-refused",
            "از این راه فقط تاریخ پیگیری کار تغییر می‌کند؛ نام، مسئول، اولویت و مهلت کار از فرایند است: "
                + changed,
            "Only a task's follow-up date may be changed this way; its name, owner, priority and"
                + " due date are the process's: "
                + changed,
            changed,
            user);
        return false;
      }
    }
    return true;
  }

  /**
   * What a migration would do beyond moving each step to the step of the same id in another version
   * (as {@code POST /api/admin/migrations} does), or null when nothing: a migration within one
   * version moves nothing and breaks the version's task timers, a step mapped to another step would
   * skip the work between them, plan variables would be written into every file it moves, and
   * skipped listeners or input mappings would leave the steps' checks undone.
   */
  private static String offModelMigration(JsonNode body) {
    if (body == null || !body.isObject()) {
      return null; // nothing to move: the engine refuses the request
    }
    Set<String> off = new TreeSet<>();
    for (String skip : List.of("skipCustomListeners", "skipIoMappings")) {
      if (body.path(skip).asBoolean(false)) {
        off.add(skip);
      }
    }
    JsonNode plan = body.path("migrationPlan");
    // Nothing to move within one version, and Camunda's migration of a file within its own
    // version leaves the version's later files without their task timers (reminders).
    if (plan.hasNonNull("sourceProcessDefinitionId")
        && plan.path("sourceProcessDefinitionId").equals(plan.path("targetProcessDefinitionId"))) {
      off.add("sourceProcessDefinitionId = targetProcessDefinitionId");
    }
    if (plan.hasNonNull("variables") && !plan.get("variables").isEmpty()) {
      off.add("variables");
    }
    for (JsonNode instruction : plan.path("instructions")) {
      JsonNode from = instruction.path("sourceActivityIds");
      JsonNode to = instruction.path("targetActivityIds");
      if (!(from.size() == 1
          && to.size() == 1
          && from.get(0).asText().equals(to.get(0).asText()))) {
        off.add(from + " → " + to);
      }
    }
    return off.isEmpty() ? null : String.join(", ", off);
  }

  /** Whether the user belongs to one of the task's candidate groups (read as the engine). */
  private boolean inCandidateGroup(String taskId, String userId) {
    return asEngine(
        () -> {
          if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return false;
          }
          Set<String> candidates = new TreeSet<>();
          for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
              candidates.add(link.getGroupId());
            }
          }
          return !candidates.isEmpty()
              && identity
                      .createGroupQuery()
                      .groupMember(userId)
                      .groupIdIn(candidates.toArray(String[]::new))
                      .count()
                  > 0;
        });
  }

  /**
   * The fields a task update would change other than its follow-up date (the engine sets every
   * field from the body, an absent one to nothing), or null when there are none or the caller
   * cannot see the task. The task is read under the caller's own authorizations, so the answer
   * tells nothing about a task they may not read.
   */
  private String changedTaskFields(String taskId, JsonNode body, CurrentUser user) {
    Task task = asCaller(user, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return null; // the engine answers: 404, or 403 for a task the caller may not update
    }
    JsonNode update = body == null ? JSON.createObjectNode() : body;
    // Every field but the follow-up date must stay as it is.
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("name", task.getName());
    texts.put("description", task.getDescription());
    texts.put("assignee", task.getAssignee());
    texts.put("owner", task.getOwner());
    texts.put("parentTaskId", task.getParentTaskId());
    texts.put("caseInstanceId", task.getCaseInstanceId());
    texts.put("tenantId", task.getTenantId());
    Set<String> changed = new TreeSet<>();
    texts.forEach(
        (field, current) -> {
          if (!sameText(update, field, current)) {
            changed.add(field);
          }
        });
    if (update.path("priority").asInt(0) != task.getPriority()) {
      changed.add("priority");
    }
    if (update.hasNonNull("delegationState")
        && (task.getDelegationState() == null
            || !update
                .get("delegationState")
                .asText()
                .equalsIgnoreCase(task.getDelegationState().name()))) {
      changed.add("delegationState");
    }
    if (!sameInstant(update.get("due"), task.getDueDate())) {
      changed.add("due");
    }
    return changed.isEmpty() ? null : String.join(", ", changed);
  }

  private static boolean sameText(JsonNode update, String field, String current) {
    JsonNode value = update.get(field);
    String given = value == null || value.isNull() ? null : value.asText();
    return Objects.equals(given, current);
  }

  /**
   * Whether a date in the engine's format (or ISO) names the same minute as the task's: Tasklist
   * sends the dates it read back to the minute (a due date of 14:27:00.962 comes back as 14:27).
   */
  private static boolean sameInstant(JsonNode value, Date current) {
    if (value == null || value.isNull()) {
      return current == null;
    }
    if (current == null) {
      return false;
    }
    String text = value.asText();
    for (DateTimeFormatter format : List.of(ENGINE_DATE, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
      try {
        return OffsetDateTime.parse(text, format)
            .toInstant()
            .truncatedTo(ChronoUnit.MINUTES)
            .equals(current.toInstant().truncatedTo(ChronoUnit.MINUTES));
      } catch (DateTimeParseException notThisFormat) {
        // try the next
      }
    }
    return false;
  }

  /** Runs a read as the engine itself (no user's authorizations), then puts the caller's back. */
  private <T> T asEngine(Supplier<T> read) {
    return as(null, read);
  }

  /** Runs a read under the caller's own authorizations, as Tasklist's queries see them. */
  private <T> T asCaller(CurrentUser user, Supplier<T> read) {
    return as(new Authentication(user.id(), List.copyOf(user.groups())), read);
  }

  /** Runs a read under the given authentication (none: the engine's own), then the caller's. */
  private <T> T as(Authentication who, Supplier<T> read) {
    Authentication before = identity.getCurrentAuthentication();
    if (who == null) {
      identity.clearAuthentication();
    } else {
      identity.setAuthentication(who);
    }
    try {
      return read.get();
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  /**
   * The comments of a task the caller's own task query finds, else none; in the engine REST API's
   * shape.
   */
  private void answerComments(String taskId, CurrentUser user, HttpServletResponse response)
      throws IOException {
    List<Map<String, Object>> shown = new ArrayList<>();
    if (visibleTo(user, taskId)) {
      for (Comment comment : tasks.getTaskComments(taskId)) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", comment.getId());
        json.put("userId", comment.getUserId());
        json.put(
            "time",
            comment.getTime() == null ? null : ENGINE_DATE.format(comment.getTime().toInstant()));
        json.put("taskId", comment.getTaskId());
        json.put("processInstanceId", comment.getProcessInstanceId());
        json.put("message", comment.getFullMessage());
        json.put(
            "removalTime",
            comment.getRemovalTime() == null
                ? null
                : ENGINE_DATE.format(comment.getRemovalTime().toInstant()));
        json.put("rootProcessInstanceId", comment.getRootProcessInstanceId());
        shown.add(json);
      }
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), shown);
  }

  /**
   * Whether the engine shows the task to the caller (their authorizations, as Tasklist's own
   * queries see them).
   */
  private boolean visibleTo(CurrentUser user, String taskId) {
    return asCaller(user, () -> tasks.createTaskQuery().taskId(taskId).count() > 0);
  }

  /**
   * Deny by default: each role changes only what its work needs; the engine's authorizations then
   * apply too.
   */
  private static boolean mayChange(CurrentUser user, String method, String engine) {
    if (isAdmin(user)) {
      return true;
    }
    if ("POST".equals(method)
        ? QUERY.matcher(engine).matches() || TASK_WORK.matcher(engine).matches()
        : "PUT".equals(method) && TASK_UPDATE.matcher(engine).matches()) {
      return true;
    }
    if (!"POST".equals(method)) {
      return false;
    }
    // Starting a process is the file workers' (Tasklist's start form); its start listener checks
    // the file.
    if (user.groups().stream().anyMatch(Groups::changesFiles) && START.matcher(engine).matches()) {
      return true;
    }
    return user.groups().contains(Groups.PROCESS_OWNERS) && MODELS.matcher(engine).matches();
  }

  /**
   * The undeclared variable names a completion or start carries, or null when it carries only
   * declared ones.
   */
  private String undeclared(String engine, JsonNode body) {
    Optional<Set<String>> declared;
    Matcher task = TASK_OUTPUTS.matcher(engine);
    Matcher start = START.matcher(engine);
    if (task.matches()) {
      declared = outputs.ofTask(task.group(1));
    } else if (start.matches()) {
      declared =
          start.group(1) != null
              ? outputs.ofStart(start.group(1), true)
              : outputs.ofStart(start.group(2), false);
    } else {
      return null;
    }
    if (declared.isEmpty()) {
      return null; // no such task or definition: the engine answers 404
    }
    Set<String> refused = new TreeSet<>();
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables != null && variables.isObject()) {
      variables
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!declared.get().contains(name)) {
                  refused.add(name);
                }
              });
    }
    return refused.isEmpty() ? null : String.join(", ", refused);
  }

  /**
   * The first of the file's own variables the request would write (named in the path or as a key of
   * any variable map in the body), or null. A start may carry the student number, which the
   * study-document process's start listener checks against its key.
   */
  private String fileIdentityIn(String engine, JsonNode body, boolean start) {
    Matcher inPath = VARIABLE_IN_PATH.matcher(engine);
    if (inPath.find() && outputs.fileIdentity().contains(inPath.group(1))) {
      return inPath.group(1);
    }
    if (body == null) {
      return null;
    }
    return fileIdentityIn(body, start ? START_MAY_NAME : Set.of());
  }

  /** The study-document process's variable naming the student whose file it works on. */
  private static final String STUDENT_NUMBER = "studentNumber";

  /** What a start names of the file's own variables: the student, checked against the key. */
  private static final Set<String> START_MAY_NAME = Set.of(STUDENT_NUMBER);

  /** The one process the doors start: its start listener checks the file, faculty and author. */
  private static final String STARTED_THROUGH_DOORS = CamundaAuthorizations.STUDY_DOCUMENT_PROCESS;

  private String fileIdentityIn(JsonNode node, Set<String> allowed) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (VARIABLE_MAPS.contains(field.getKey()) && value.isObject()) {
          for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (outputs.fileIdentity().contains(name) && !allowed.contains(name)) {
              return name;
            }
          }
        }
        if ("deletions".equals(field.getKey()) && value.isArray()) {
          for (JsonNode name : value) {
            if (outputs.fileIdentity().contains(name.asText())) {
              return name.asText();
            }
          }
        }
        String nested = fileIdentityIn(value, allowed);
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String nested = fileIdentityIn(element, allowed);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  /**
   * The task a completion call (complete, submit-form, resolve) through either door names, or null.
   */
  static String completedTaskId(HttpServletRequest request) {
    String engine = enginePath(pathOf(request));
    Matcher task = engine == null ? null : TASK_OUTPUTS.matcher(engine);
    return task != null && task.matches() ? task.group(1) : null;
  }

  /** The request's path as the servlet container decoded and normalised it (no path parameters). */
  private static String pathOf(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  /**
   * The engine-relative path ({@code /task/…}) of an engine REST call through either door, or null.
   */
  static String enginePath(String path) {
    for (Pattern door : List.of(ENGINE_REST, WEBAPP_ENGINE)) {
      Matcher matcher = door.matcher(path);
      if (matcher.matches()) {
        return matcher.group(1) == null ? "/" : matcher.group(1);
      }
    }
    return null;
  }

  private static boolean seesCockpit(CurrentUser user) {
    return Groups.COCKPIT_USERS.stream().anyMatch(user.groups()::contains);
  }

  private static boolean isAdmin(CurrentUser user) {
    return user.groups().contains(Groups.ADMINS);
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || type.toLowerCase(Locale.ROOT).contains("json");
  }

  /** A body that is not JSON carries no variables the engine would read as such. */
  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static void refuseChange(
      HttpServletRequest request, HttpServletResponse response, CurrentUser user)
      throws IOException {
    refuse(
        request,
        response,
        403,
        "engine-change-refused",
        "این تغییر با نقش شما از راه رابط موتور فرایند مجاز نیست؛ از صفحه‌های پرونده استفاده کنید.",
        "Your role may not make this change through the engine's API; use Parvandeh's pages.",
        null,
        user);
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String fa,
      String en,
      String detail,
      CurrentUser user)
      throws IOException {
    log.warn(
        "Refused at the engine's door: user={}, {} {}: {}{}",
        user.id(),
        request.getMethod(),
        request.getRequestURI(),
        code,
        detail == null ? "" : " (" + detail + ")");
    JsonRefusal.write(response, status, code, fa, en, detail);
  }
}
