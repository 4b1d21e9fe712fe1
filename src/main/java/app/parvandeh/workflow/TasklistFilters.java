package app.parvandeh.workflow;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows "No filter available" until a filter exists. This one lists every task the clerk
 * may see (engine authorization narrows it to their groups' tasks), newest first; each task's name
 * says whose file it is.
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
    Filter existing = filters.createFilterQuery().filterName(MY_TASKS).singleResult();
    if (existing != null) {
      GroupTasklistFilters.dropVariableColumns(filters, existing);
      return;
    }
    Filter filter =
        filters
            .newTaskFilter(MY_TASKS)
            .setQuery(tasks.createTaskQuery().orderByTaskCreateTime().desc())
            .setProperties(
                GroupTasklistFilters.properties(
                    "کارهایی که به شما یا گروه شما سپرده شده است؛ نام هر کار شماره و نام دانشجو را دارد و با «نام» جستجو می‌شود",
                    -10));
    filters.saveFilter(filter);
  }
}
