package app.parvandeh.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows "No filter available" until a filter exists. This one lists every task the clerk may see (engine
 * authorization narrows it to their groups' tasks), newest first, with the student number beside each task.
 */
@Component
@Order(20)
class TasklistFilters implements ApplicationRunner {

  static final String MY_TASKS = "کارهای من و گروه من";

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (filters.createFilterQuery().filterName(MY_TASKS).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(MY_TASKS)
        .setQuery(tasks.createTaskQuery().orderByTaskCreateTime().desc())
        .setProperties(Map.of(
            "description", "کارهای بررسی مدارک که به شما یا گروه شما سپرده شده است",
            "priority", -10,
            "refresh", true,
            "variables", List.of(
                Map.of("name", StudentFileProcess.VAR_STUDENT_NUMBER, "label", "شماره دانشجویی"))));
    filters.saveFilter(filter);
  }
}
