package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/StudentFileProcess.bpmn")
class StudentFileProcessTests {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-test.cfg.xml")
      .build();

  private static final String PROCESS_KEY = "StudentFileProcess";
  private static final String STUDENT_NUMBER = "400123456";
  private static final String STUDENT_USER_ID = "s400123456";
  private static final String FACULTY_GROUP = "faculty-engineering";
  private static final String CHECK_FORM = "embedded:deployment:forms/check-admission-documents.html";

  private final JavaDelegate determineRequiredDocuments = mock(JavaDelegate.class);
  private final JavaDelegate recordRegistrationCompleteNote = mock(JavaDelegate.class);
  private final StageRecordingDelegate changeFileStage = new StageRecordingDelegate();
  /** What the next reviewer decides; the real listener derives it from the reviewed documents. */
  private boolean reviewerAccepts;

  @BeforeEach
  void registerBeansUsedByTheModel(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    Mocks.register("determineRequiredDocumentsDelegate", determineRequiredDocuments);
    Mocks.register("recordRegistrationCompleteNoteDelegate", recordRegistrationCompleteNote);
    Mocks.register("changeFileStageDelegate", changeFileStage);
    Mocks.register("reviewOutcomeListener",
        (TaskListener) task -> task.setVariable("documentsAccepted", reviewerAccepts));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void definitionCarriesVersionTagAndHistoryTimeToLive() {
    ProcessDefinition definition = BpmnAwareTests.repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();

    Assertions.assertThat(definition.getVersionTag()).isEqualTo("1.0.0");
    Assertions.assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    Assertions.assertThat(definition.getName()).isEqualTo("پرونده دانشجو");
  }

  @Test
  void openingAFileQueuesAnAsyncJobBeforeDeterminingRequiredDocuments() throws Exception {
    ProcessInstance file = openFile();

    assertThat(file).isStarted().isWaitingAt("Task_DetermineRequiredDocuments");
    assertThat(job(file)).hasActivityId("Task_DetermineRequiredDocuments");
    verify(determineRequiredDocuments, never()).execute(any());

    execute(job(file));

    verify(determineRequiredDocuments, times(1)).execute(any(DelegateExecution.class));
    assertThat(file).isWaitingAt("Task_UploadAdmissionDocuments");
  }

  @Test
  void studentUploadsAdmissionDocumentsThemselves() {
    ProcessInstance file = openFileAndDetermineDocuments();

    assertThat(task(file))
        .hasDefinitionKey("Task_UploadAdmissionDocuments")
        .hasName("بارگذاری مدارک پذیرش توسط دانشجو (۱۴۰۸۰)")
        .isAssignedTo(STUDENT_USER_ID);
  }

  @Test
  void facultyCheckIsOfferedToTheStudentsFacultyGroupWithTheCheckForm() {
    ProcessInstance file = openFileAndDetermineDocuments();

    complete(task(file));

    assertThat(file).isWaitingAt("Task_CheckDocumentsFaculty");
    assertThat(task(file))
        .hasName("بررسی مدارک پذیرش توسط کارشناس دانشکده (۱۴۰۱۰)")
        .hasCandidateGroup(FACULTY_GROUP)
        .isNotAssigned()
        .hasFormKey(CHECK_FORM);
  }

  @Test
  void centralCheckIsOfferedToCentralAdmissionWithTheCheckForm() {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));

    review(file, true);

    assertThat(file).isWaitingAt("Task_CheckDocumentsCentral");
    assertThat(task(file))
        .hasName("بررسی نهایی مدارک توسط واحد پذیرش ستاد (۱۴۰۱۰)")
        .hasCandidateGroup("central-admission")
        .isNotAssigned()
        .hasFormKey(CHECK_FORM);
  }

  @Test
  void acceptedByFacultyAndCentralRecordsNoteMovesFileToStudyAndWaitsForStudyEnd() throws Exception {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    review(file, true);
    review(file, true);

    assertThat(file).hasPassedInOrder("Task_CheckDocumentsFaculty", "Task_CheckDocumentsCentral")
        .hasNotPassed("Task_CorrectRejectedDocuments")
        .variables().containsEntry("documentsAccepted", true);

    assertThat(file).isWaitingAt("Task_RecordRegistrationCompleteNote");
    assertThat(job(file)).hasActivityId("Task_RecordRegistrationCompleteNote");
    verify(recordRegistrationCompleteNote, never()).execute(any());
    execute(job(file));
    verify(recordRegistrationCompleteNote, times(1)).execute(any(DelegateExecution.class));

    assertThat(file).isWaitingAt("Task_MoveFileToStudyStage");
    assertThat(job(file)).hasActivityId("Task_MoveFileToStudyStage");
    Assertions.assertThat(changeFileStage.stages).isEmpty();
    execute(job(file));
    Assertions.assertThat(changeFileStage.stages).containsExactly("DURING_STUDY");

    assertThat(file).isWaitingAt("Event_StudyEnded").isNotEnded();

    runtimeService().createMessageCorrelation("StudyEnded")
        .processInstanceBusinessKey(STUDENT_NUMBER)
        .correlate();

    assertThat(file).hasPassed("Event_StudyEnded").isEnded()
        .hasPassed("EndEvent_FileReadyForClearance");
    verify(determineRequiredDocuments, times(1)).execute(any(DelegateExecution.class));
    verify(recordRegistrationCompleteNote, times(1)).execute(any(DelegateExecution.class));
  }

  @Test
  void facultyRejectionSendsDocumentsBackToTheStudentAndTheFacultyChecksAgain() throws Exception {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));

    review(file, false);

    assertThat(file).isWaitingAt("Task_CorrectRejectedDocuments")
        .hasNotPassed("Task_CheckDocumentsCentral");
    assertThat(task(file))
        .hasName("اصلاح مدارک ردشده توسط دانشجو (۱۴۰۸۰)")
        .isAssignedTo(STUDENT_USER_ID);

    complete(task(file));

    assertThat(file).isWaitingAt("Task_CheckDocumentsFaculty");
    assertThat(task(file)).hasCandidateGroup(FACULTY_GROUP);

    review(file, true);
    assertThat(file).isWaitingAt("Task_CheckDocumentsCentral");
    review(file, true);

    assertThat(file).isWaitingAt("Task_RecordRegistrationCompleteNote");
    verify(recordRegistrationCompleteNote, never()).execute(any());
  }

  @Test
  void centralRejectionSendsDocumentsBackToTheStudentAndBothChecksRunAgain() throws Exception {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    review(file, true);

    review(file, false);

    assertThat(file).isWaitingAt("Task_CorrectRejectedDocuments");
    assertThat(task(file)).isAssignedTo(STUDENT_USER_ID);

    complete(task(file));

    assertThat(file).isWaitingAt("Task_CheckDocumentsFaculty");
    review(file, true);
    assertThat(file).isWaitingAt("Task_CheckDocumentsCentral");
    review(file, true);

    assertThat(file).isWaitingAt("Task_RecordRegistrationCompleteNote");
    execute(job(file));
    execute(job(file));
    assertThat(file).isWaitingAt("Event_StudyEnded");
    verify(recordRegistrationCompleteNote, times(1)).execute(any(DelegateExecution.class));
    Assertions.assertThat(changeFileStage.stages).containsExactly("DURING_STUDY");
  }

  @Test
  void failingNoteRecordingRetriesThenRaisesAnIncidentWithoutMovingOn() throws Exception {
    doThrow(new IllegalStateException("note store unavailable"))
        .when(recordRegistrationCompleteNote).execute(any());
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    review(file, true);
    review(file, true);

    for (int expectedRetriesLeft = 2; expectedRetriesLeft >= 0; expectedRetriesLeft--) {
      Job noteJob = job(file);
      assertThatThrownBy(() -> managementService().executeJob(noteJob.getId()))
          .hasMessageContaining("note store unavailable");
      assertThat(job(file)).hasActivityId("Task_RecordRegistrationCompleteNote")
          .hasRetries(expectedRetriesLeft)
          .hasExceptionMessage();
      assertThat(file).isWaitingAt("Task_RecordRegistrationCompleteNote");
      if (expectedRetriesLeft > 0) {
        // R3/PT5M: the next attempt is due five minutes later, not immediately.
        Assertions.assertThat(job(file).getDuedate())
            .isAfter(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(4))));
      }
    }

    Assertions.assertThat(runtimeService().createIncidentQuery()
        .processInstanceId(file.getId()).activityId("Task_RecordRegistrationCompleteNote").count())
        .isEqualTo(1);
    verify(recordRegistrationCompleteNote, times(3)).execute(any(DelegateExecution.class));
    Assertions.assertThat(changeFileStage.stages).isEmpty();
    assertThat(file).hasNotPassed("Task_MoveFileToStudyStage");
  }

  private ProcessInstance openFile() {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, STUDENT_NUMBER, withVariables(
        "studentNumber", STUDENT_NUMBER,
        "studentUserId", STUDENT_USER_ID,
        "facultyGroup", FACULTY_GROUP));
  }

  private ProcessInstance openFileAndDetermineDocuments() {
    ProcessInstance file = openFile();
    execute(job(file));
    return file;
  }

  /** Completes the check task the file waits at, with the given review outcome. */
  private void review(ProcessInstance file, boolean accepted) {
    reviewerAccepts = accepted;
    complete(task(file));
  }

  /** Stands in for the stage delegate; records the "targetStage" input parameter the model passes. */
  static class StageRecordingDelegate implements JavaDelegate {

    final List<String> stages = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      stages.add((String) execution.getVariableLocal("targetStage"));
    }
  }
}
