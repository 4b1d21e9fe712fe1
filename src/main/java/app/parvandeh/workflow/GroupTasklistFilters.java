package app.parvandeh.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import app.parvandeh.security.Groups;
import app.parvandeh.student.FacultyRegistered;
import app.parvandeh.student.StudentService;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One Tasklist filter per kind of work, in Persian, each readable only by the groups that do that
 * work, so a clerk sees a short, useful list at once. Faculty groups registered later get theirs
 * when they appear.
 */
@Component
@Order(21)
class GroupTasklistFilters implements ApplicationRunner {

  static final String FACULTY_CHECKS = "کارهای دانشکده من";
  static final String OVERDUE = "کارهای گذشته از مهلت";
  static final String CENTRAL_ADMISSION_CHECKS = "بررسی‌های ستاد پذیرش";
  static final String CLEARANCE_CHECKS = "تسویه پرونده‌ها (گزارش ۱۱۲)";
  static final String GRADUATES_OFFICE = "کارهای اداره دانش‌آموختگان";
  static final String STUCK_FILES = "پیگیری پرونده‌های معطل";

  private static final List<String> STAFF =
      List.of(
          Groups.CENTRAL_ADMISSION,
          Groups.CENTRAL_RECORDS,
          Groups.GRADUATE_STUDIES,
          Groups.GRADUATES_OFFICE,
          Groups.MANAGERS);

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final StudentService students;

  GroupTasklistFilters(
      FilterService filters,
      TaskService tasks,
      AuthorizationService authorizations,
      StudentService students) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.students = students;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(
        FACULTY_CHECKS,
        "بررسی مدارک پذیرش و تکمیل کسری‌های تسویه برای دانشجویان دانشکده شما",
        -20,
        mine()
            .taskDefinitionKeyIn(
                StudentFileProcess.TASK_CHECK_FACULTY,
                StudentFileProcess.TASK_COMPLETE_FOR_CLEARANCE),
        List.of());
    ensure(OVERDUE, "کارهای گروه شما که مهلت انجامشان گذشته است", -15, overdue(), STAFF);
    ensure(
        CENTRAL_ADMISSION_CHECKS,
        "بررسی نهایی مدارک پذیرش (۱۴۰۱۰)",
        -20,
        mine().taskDefinitionKey(StudentFileProcess.TASK_CHECK_CENTRAL),
        List.of(Groups.CENTRAL_ADMISSION));
    ensure(
        CLEARANCE_CHECKS,
        "بررسی نهایی پرونده‌ها برای تسویه دانش‌آموختگی با گزارش ۱۱۲",
        -20,
        mine().taskDefinitionKey(StudentFileProcess.TASK_CHECK_CLEARANCE),
        List.of(Groups.CENTRAL_RECORDS, Groups.GRADUATE_STUDIES));
    ensure(
        GRADUATES_OFFICE,
        "درخواست و صدور مدارک دانش‌آموختگی",
        -20,
        mine(),
        List.of(Groups.GRADUATES_OFFICE));
    ensure(
        STUCK_FILES,
        "پرونده‌هایی که کارشان از مهلت گذشته و پیگیری مدیر لازم دارد",
        -20,
        mine().taskDefinitionKey(StudentFileProcess.TASK_FOLLOW_UP_STUCK_FILE),
        List.of(Groups.MANAGERS));
    List<String> everyone = new ArrayList<>(STAFF);
    filters
        .createFilterQuery()
        .filterName(TasklistFilters.MY_TASKS)
        .list()
        .forEach(f -> everyone.forEach(g -> grantRead(f.getId(), g)));
    students.faculties().forEach(f -> grantFaculty(f.candidateGroup()));
  }

  @EventListener
  void onFacultyRegistered(FacultyRegistered faculty) {
    grantFaculty(faculty.candidateGroup());
  }

  private void grantFaculty(String group) {
    for (String name : List.of(TasklistFilters.MY_TASKS, FACULTY_CHECKS, OVERDUE)) {
      filters.createFilterQuery().filterName(name).list().forEach(f -> grantRead(f.getId(), group));
    }
  }

  /**
   * The tasks a user may see. No expressions: stored queries may not evaluate any (a hardening of
   * the end-of-life engine), and engine authorization already narrows every filter to the user's
   * own and their groups' tasks.
   */
  private TaskQuery mine() {
    return tasks.createTaskQuery();
  }

  private TaskQuery overdue() {
    return mine().dueBefore(new Date()).orderByDueDate().asc();
  }

  /**
   * "Overdue" means due before now; without expressions, the stored query's moment is moved on
   * regularly.
   */
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
  void refreshOverdue() {
    Filter filter = filters.createFilterQuery().filterName(OVERDUE).singleResult();
    if (filter != null) {
      filters.saveFilter(filter.setQuery(overdue()));
    }
  }

  private void ensure(
      String name, String description, int priority, TaskQuery query, List<String> groups) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter =
          filters
              .newTaskFilter(name)
              .setQuery(query)
              .setProperties(properties(description, priority));
      filters.saveFilter(filter);
    } else {
      dropVariableColumns(filters, filter);
    }
    for (String group : groups) {
      grantRead(filter.getId(), group);
    }
  }

  /**
   * Tasklist shows the student in each task's name (see {@link StudentTaskNameListener}): clerks
   * may not read process variables, so a variable column would stay empty for them.
   */
  static Map<String, Object> properties(String description, int priority) {
    return Map.of("description", description, "priority", priority, "refresh", true);
  }

  /** Filters saved by earlier versions carried an always-empty student-number column. */
  static void dropVariableColumns(FilterService filters, Filter filter) {
    if (filter.getProperties() != null && filter.getProperties().containsKey("variables")) {
      Map<String, Object> properties = new java.util.HashMap<>(filter.getProperties());
      properties.remove("variables");
      filters.saveFilter(filter.setProperties(properties));
    }
  }

  private void grantRead(String filterId, String group) {
    boolean granted =
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(Resources.FILTER)
                .resourceId(filterId)
                .hasPermission(Permissions.READ)
                .count()
            > 0;
    if (!granted) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }
}
