package app.parvandeh.studydocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import app.parvandeh.workflow.StudyDocumentProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of StudyDocumentProcess: start checks, the source branches, the notes and their
 * retries.
 */
@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
@Deployment(resources = "processes/StudyDocumentProcess.bpmn")
class StudyDocumentProcessTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private static final String STUDENT_NUMBER = "4021100001";
  private static final String FILE_INSTANCE_ID = "file-instance-1";

  /**
   * Stands in for the real listener: refuses what it refuses, and records the running file's id.
   */
  private boolean fileRunning = true;

  private final List<String> studyNotes = new ArrayList<>();
  private final List<String> counterNotes = new ArrayList<>();
  private int failuresLeft;

  @BeforeEach
  void registerBeansUsedByTheModel(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    Mocks.register(
        "studyDocumentStartListener",
        (ExecutionListener)
            execution -> {
              if (!fileRunning) {
                throw new BadUserRequestException(
                    "no running StudentFileProcess [no-running-file]");
              }
              execution.setVariable(
                  StudyDocumentProcess.VAR_STUDENT_FILE_INSTANCE_ID, FILE_INSTANCE_ID);
            });
    Mocks.register(
        "recordStudyDocumentNoteDelegate",
        (JavaDelegate)
            execution ->
                note(
                    studyNotes,
                    RecordStudyDocumentNoteDelegate.idempotencyKey(
                        ((Number) execution.getVariable(StudyDocumentProcess.VAR_DOCUMENT_ID))
                            .longValue())));
    Mocks.register(
        "recordServiceCounterNoteDelegate",
        (JavaDelegate)
            execution ->
                note(
                    counterNotes,
                    RecordServiceCounterNoteDelegate.idempotencyKey(
                        execution.getProcessInstanceId())));
  }

  /**
   * Records the key a note is recorded under, then fails as often as the test asks (after
   * recording).
   */
  private void note(List<String> into, String key) {
    into.add(key);
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("simulated failure after the note was written");
    }
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void definitionIsStartableInTasklistWithTheEmbeddedStartForm() {
    ProcessDefinition definition =
        BpmnAwareTests.repositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(StudyDocumentProcess.PROCESS_ID)
            .latestVersion()
            .singleResult();
    assertThat(definition.getVersionTag()).isEqualTo("1.0.0");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    assertThat(definition.isStartableInTasklist()).isTrue();
    assertThat(BpmnAwareTests.formService().getStartFormKey(definition.getId()))
        .isEqualTo("embedded:deployment:forms/register-study-document.html");
    assertThat(
            BpmnAwareTests.repositoryService()
                .getIdentityLinksForProcessDefinition(definition.getId()))
        .as("the model names no faculty: each faculty of the faculties table is granted the start")
        .isEmpty();
  }

  @Test
  void officeAutomationLetterIsNotedAsynchronouslyWithItsAddress() {
    ProcessInstance instance = start(Map.of("source", "OFFICE_AUTOMATION", "documentId", 42L));

    BpmnAwareTests.assertThat(instance)
        .isWaitingAt(StudyDocumentProcess.TASK_RECORD_STUDY_DOCUMENT_NOTE)
        .variables()
        .containsEntry("studentFileInstanceId", FILE_INSTANCE_ID)
        .containsEntry("documentId", 42L);
    assertThat(studyNotes).isEmpty();

    execute(job(instance));

    assertThat(studyNotes).containsExactly("STUDY_DOCUMENT:document:42");
    assertThat(counterNotes).isEmpty();
    BpmnAwareTests.assertThat(instance)
        .hasPassed(StudyDocumentProcess.TASK_RECORD_STUDY_DOCUMENT_NOTE)
        .isEnded()
        .hasPassed("EndEvent_StudyDocumentNoted");
  }

  @Test
  void serviceCounterDocumentGetsOnlyAReferenceNote() {
    ProcessInstance instance =
        start(
            Map.of(
                "source",
                "SERVICE_COUNTER",
                "counterRequestNumber",
                "98765",
                "counterDocumentType",
                "گواهی اشتغال به تحصیل"));

    BpmnAwareTests.assertThat(instance)
        .isWaitingAt(StudyDocumentProcess.TASK_RECORD_SERVICE_COUNTER_NOTE);
    execute(job(instance));

    assertThat(counterNotes)
        .containsExactly("SERVICE_COUNTER_REFERENCE:process:" + instance.getId());
    assertThat(studyNotes).isEmpty();
    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_ServiceCounterReferenceNoted")
        .hasNotPassed(StudyDocumentProcess.TASK_RECORD_STUDY_DOCUMENT_NOTE);
  }

  @Test
  void aFailedNoteJobIsRetriedUnderTheSameIdempotencyKey() {
    failuresLeft = 1;
    ProcessInstance instance = start(Map.of("source", "OFFICE_AUTOMATION", "documentId", 7L));

    Job first = job(instance);
    assertThatThrownBy(() -> managementService().executeJob(first.getId()))
        .isInstanceOf(IllegalStateException.class);
    Job retried = job(instance);
    assertThat(retried.getRetries()).as("R3 cycle: one retry used").isEqualTo(2);
    BpmnAwareTests.assertThat(instance)
        .isWaitingAt(StudyDocumentProcess.TASK_RECORD_STUDY_DOCUMENT_NOTE);

    managementService().executeJob(retried.getId());

    // The real NoteService returns the first note for a key it has seen, so the retry adds no
    // second note.
    assertThat(studyNotes)
        .containsExactly("STUDY_DOCUMENT:document:7", "STUDY_DOCUMENT:document:7");
    BpmnAwareTests.assertThat(instance).isEnded();
  }

  @Test
  void aServiceCounterRetryUsesTheSameKeyToo() {
    failuresLeft = 1;
    ProcessInstance instance =
        start(
            Map.of(
                "source",
                "SERVICE_COUNTER",
                "counterRequestNumber",
                "1",
                "counterDocumentType",
                "گواهی"));
    Job first = job(instance);
    assertThatThrownBy(() -> managementService().executeJob(first.getId()))
        .isInstanceOf(IllegalStateException.class);
    managementService().executeJob(job(instance).getId());

    assertThat(counterNotes)
        .hasSize(2)
        .containsOnly("SERVICE_COUNTER_REFERENCE:process:" + instance.getId());
    BpmnAwareTests.assertThat(instance).isEnded();
  }

  @Test
  void aRefusedStartLeavesNoInstance() {
    fileRunning = false;

    assertThatThrownBy(() -> start(Map.of("source", "OFFICE_AUTOMATION", "documentId", 1L)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("no-running-file");
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(StudyDocumentProcess.PROCESS_ID)
                .count())
        .isZero();
  }

  @Test
  void anUnknownSourceTakesNoBranch() {
    assertThatThrownBy(() -> start(Map.of("source", "FAX")))
        .hasMessageContaining("No outgoing sequence flow");
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService()
        .startProcessInstanceByKey(
            StudyDocumentProcess.PROCESS_ID,
            STUDENT_NUMBER,
            Variables.fromMap(variables)
                .putValue("studentNumber", STUDENT_NUMBER)
                .putValue("registeredBy", "clerk.eng"));
  }
}
