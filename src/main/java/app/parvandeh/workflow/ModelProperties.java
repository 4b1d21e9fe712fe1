package app.parvandeh.workflow;

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
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What a deployed process says about its steps in extension properties (Modeler: Extension
 * properties), so a process owner changes it in the model rather than in Java: {@value
 * #REVIEW_STAGE} on a document check ({@code FACULTY} or {@code CENTRAL}) and {@value
 * #NORMAL_WAIT}{@code =true} on a step where a file rightly waits for months (not reported as
 * stuck). Read once per process definition id; a deployed definition never changes.
 */
@Component
public class ModelProperties {

  public static final String REVIEW_STAGE = "reviewStage";
  public static final String NORMAL_WAIT = "normalWait";

  private final RepositoryService repository;
  private final IdentityService identity;

  /**
   * What one definition's model says: property values by name, by element id, and the ids of its
   * tasks and intermediate events.
   */
  private record Read(Map<String, Map<String, String>> properties, Set<String> steps) {}

  /** Each model read once, per process definition id. */
  private final Map<String, Read> byDefinition = new ConcurrentHashMap<>();

  public ModelProperties(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  /** The value of the element's property, if the model gives it one. */
  public Optional<String> value(String definitionId, String elementId, String name) {
    return Optional.ofNullable(of(definitionId).getOrDefault(elementId, Map.of()).get(name));
  }

  /** Whether the element's property is {@code true}. */
  public boolean isTrue(String definitionId, String elementId, String name) {
    return value(definitionId, elementId, name)
        .map(v -> v.strip().equalsIgnoreCase("true"))
        .orElse(false);
  }

  /** The ids of the definition's elements whose property is {@code true}. */
  public Set<String> elementsWhereTrue(String definitionId, String name) {
    return of(definitionId).keySet().stream()
        .filter(id -> isTrue(definitionId, id, name))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether any element of the definition has the property: versions deployed before it existed
   * have none.
   */
  public boolean declares(String definitionId, String name) {
    return of(definitionId).values().stream().anyMatch(properties -> properties.containsKey(name));
  }

  /**
   * The ids of the definition's tasks (of every kind) and intermediate events, in sub-processes
   * too: the steps where one of its files can stand still.
   */
  public Set<String> steps(String definitionId) {
    return read(definitionId).steps();
  }

  private Map<String, Map<String, String>> of(String definitionId) {
    return read(definitionId).properties();
  }

  private Read read(String definitionId) {
    return byDefinition.computeIfAbsent(
        definitionId,
        id ->
            asSystem(
                identity,
                () -> {
                  BpmnModelInstance model = repository.getBpmnModelInstance(id);
                  return new Read(properties(model), steps(model));
                }));
  }

  private static Set<String> steps(BpmnModelInstance model) {
    return Stream.of(Task.class, IntermediateCatchEvent.class, IntermediateThrowEvent.class)
        .flatMap(type -> model.getModelElementsByType(type).stream())
        .map(BaseElement::getId)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Map<String, Map<String, String>> properties(BpmnModelInstance model) {
    Map<String, Map<String, String>> byElement = new HashMap<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      Map<String, String> properties = new HashMap<>();
      properties(element)
          .forEach(p -> properties.putIfAbsent(p.getCamundaName(), p.getCamundaValue()));
      if (!properties.isEmpty() && element.getId() != null) {
        byElement.put(element.getId(), Map.copyOf(properties));
      }
    }
    return Map.copyOf(byElement);
  }

  /** Every named extension property of the element, in model order. */
  static Stream<CamundaProperty> properties(BaseElement element) {
    if (element.getExtensionElements() == null) {
      return Stream.empty();
    }
    return element
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(
            property -> property.getCamundaName() != null && property.getCamundaValue() != null);
  }

  /**
   * Reads the models as the application: the caller's own authorizations are checked by the engine
   * afterwards.
   */
  static <T> T asSystem(IdentityService identity, Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
