package app.parvandeh.workflow;

import app.parvandeh.security.DeclaredOutputs;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Reads each user task's and start event's declared outputs from its model: the extension property
 * {@value #OUTPUTS_PROPERTY}, a comma-separated list of variable names (Modeler: Extension
 * properties). A task that declares none takes no variables: its work is recorded through
 * Parvandeh's own API.
 */
@Component
class ModelDeclaredOutputs implements DeclaredOutputs {

  static final String OUTPUTS_PROPERTY = "outputs";

  /**
   * Who did a step, as the application records it from the signed-in user: the author of the file's
   * notes and audit lines.
   */
  static final Set<String> STEP_AUTHORS =
      Set.of(
          StudentFileProcess.VAR_FACULTY_CHECKED_BY,
          StudentFileProcess.VAR_CLEARANCE_CHECKED_BY,
          StudentFileProcess.VAR_ISSUED_BY,
          StudentFileProcess.VAR_GRADUATION_REQUESTED_BY,
          StudentFileProcess.VAR_STUDY_ENDED_BY,
          StudyDocumentProcess.VAR_REGISTERED_BY);

  /**
   * The variables only the application writes: whose file it is, who works on it, who did each
   * step. No door (a task's completion, a variable update) and no deployed model sets them.
   */
  static final Set<String> FILE_IDENTITY =
      Stream.concat(
              Stream.of(
                  StudentFileProcess.VAR_STUDENT_NUMBER,
                  StudentFileProcess.VAR_STUDENT_USER_ID,
                  StudentFileProcess.VAR_FACULTY_GROUP,
                  StudentFileProcess.VAR_CLEARANCE_GROUP,
                  StudyDocumentProcess.VAR_STUDENT_FILE_INSTANCE_ID),
              STEP_AUTHORS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** The key under which the process's none start event's outputs are kept. */
  private static final String START = "";

  private final RepositoryService repository;
  private final TaskService tasks;
  private final IdentityService identity;

  /** Outputs by element id, per process definition id; a deployed definition never changes. */
  private final Map<String, Map<String, Set<String>>> byDefinition = new ConcurrentHashMap<>();

  ModelDeclaredOutputs(RepositoryService repository, TaskService tasks, IdentityService identity) {
    this.repository = repository;
    this.tasks = tasks;
    this.identity = identity;
  }

  @Override
  public Optional<Set<String>> ofTask(String taskId) {
    return asSystem(
        () -> {
          Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
          if (task == null) {
            return Optional.empty();
          }
          if (task.getProcessDefinitionId() == null) {
            return Optional.of(Set.of());
          }
          return Optional.of(
              outputs(task.getProcessDefinitionId())
                  .getOrDefault(task.getTaskDefinitionKey(), Set.of()));
        });
  }

  @Override
  public Optional<Set<String>> ofStart(String definitionIdOrKey, boolean byKey) {
    return asSystem(
        () -> {
          ProcessDefinition definition =
              byKey
                  ? repository
                      .createProcessDefinitionQuery()
                      .processDefinitionKey(definitionIdOrKey)
                      .latestVersion()
                      .singleResult()
                  : repository
                      .createProcessDefinitionQuery()
                      .processDefinitionId(definitionIdOrKey)
                      .singleResult();
          if (definition == null) {
            return Optional.empty();
          }
          Map<String, Set<String>> outputs = outputs(definition.getId());
          return Optional.of(outputs.getOrDefault(START, Set.of()));
        });
  }

  @Override
  public Set<String> fileIdentity() {
    return FILE_IDENTITY;
  }

  private Map<String, Set<String>> outputs(String definitionId) {
    return byDefinition.computeIfAbsent(
        definitionId,
        id -> {
          BpmnModelInstance model = repository.getBpmnModelInstance(id);
          Map<String, Set<String>> outputs = new HashMap<>();
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            outputs.put(task.getId(), declared(task));
          }
          for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process
                && start.getEventDefinitions().isEmpty()) {
              outputs.put(START, declared(start));
            }
          }
          return Map.copyOf(outputs);
        });
  }

  private static Set<String> declared(BaseElement element) {
    return ModelProperties.properties(element)
        .filter(property -> OUTPUTS_PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private <T> T asSystem(Supplier<T> read) {
    return ModelProperties.asSystem(identity, read);
  }
}
