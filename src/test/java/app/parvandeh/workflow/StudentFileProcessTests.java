package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.parvandeh.clearance.DocumentsIssuedListener;
import app.parvandeh.clearance.RecordStudyEndDelegate;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
@Deployment(resources = {"processes/StudentFileProcess.bpmn", "processes/ClearanceGroup.dmn"})
class StudentFileProcessTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private static final String PROCESS_KEY = "StudentFileProcess";
  private static final String STUDENT_NUMBER = "400123456";
  private static final String STUDENT_USER_ID = "s400123456";
  private static final String FACULTY_GROUP = "faculty-engineering";
  private static final String CHECK_FORM =
      "embedded:deployment:forms/check-admission-documents.html";

  private final JavaDelegate determineRequiredDocuments = mock(JavaDelegate.class);
  private final JavaDelegate recordRegistrationCompleteNote = mock(JavaDelegate.class);
  private final StageRecordingDelegate changeFileStage = new StageRecordingDelegate();

  /** What the next reviewer decides; the real listener derives it from the reviewed documents. */
  private boolean reviewerAccepts;

  /** Whether the exam card and report card are in the file when the batch-documents check runs. */
  private boolean batchDocumentsInFile = true;

  @BeforeEach
  void registerBeansUsedByTheModel(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    Mocks.register("determineRequiredDocumentsDelegate", determineRequiredDocuments);
    Mocks.register("recordRegistrationCompleteNoteDelegate", recordRegistrationCompleteNote);
    Mocks.register("changeFileStageDelegate", changeFileStage);
    Mocks.register(
        "checkBatchDocumentsDelegate",
        (JavaDelegate)
            execution -> execution.setVariable("batchDocumentsInFile", batchDocumentsInFile));
    registerClearanceBeans(false);
    Mocks.register(
        "studentTaskNameListener",
        new StudentTaskNameListener(studentService, processEngine.getTaskService()));
    Mocks.register(
        "reviewOutcomeListener",
        (TaskListener) task -> task.setVariable("documentsAccepted", reviewerAccepts));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The newest deployed version of the model, as the engine parsed it. */
  private static BpmnModelInstance latestModel() {
    return BpmnAwareTests.repositoryService()
        .getBpmnModelInstance(
            BpmnAwareTests.repositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .latestVersion()
                .singleResult()
                .getId());
  }

  @Test
  void definitionCarriesVersionTagAndHistoryTimeToLive() {
    ProcessDefinition definition =
        BpmnAwareTests.repositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .latestVersion()
            .singleResult();

    Assertions.assertThat(definition.getVersionTag()).isEqualTo("2.3.0");
    Assertions.assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
    Assertions.assertThat(definition.getName()).isEqualTo("پرونده دانشجو");
  }

  @Test
  void everyTaskOfferedToAGroupIsNamedAfterTheStudentWhenCreated() {
    BpmnModelInstance model = latestModel();

    List<String> groupTasks =
        model.getModelElementsByType(UserTask.class).stream()
            .filter(t -> t.getCamundaCandidateGroups() != null)
            .map(UserTask::getId)
            .toList();
    List<String> named =
        model.getModelElementsByType(UserTask.class).stream()
            .filter(
                t ->
                    t.getExtensionElements() != null
                        && t
                            .getExtensionElements()
                            .getElementsQuery()
                            .filterByType(CamundaTaskListener.class)
                            .list()
                            .stream()
                            .anyMatch(
                                l ->
                                    "create".equals(l.getCamundaEvent())
                                        && "${studentTaskNameListener}"
                                            .equals(l.getCamundaDelegateExpression())))
            .map(UserTask::getId)
            .toList();

    Assertions.assertThat(groupTasks).hasSize(8);
    Assertions.assertThat(named).containsExactlyInAnyOrderElementsOf(groupTasks);
  }

  @Test
  void everyTaskDocumentationIsPersianProseWithoutVariableNames() {
    BpmnModelInstance model = latestModel();

    List<String> texts =
        model.getModelElementsByType(Documentation.class).stream()
            .map(Documentation::getTextContent)
            .toList();

    Assertions.assertThat(texts)
        .hasSizeGreaterThan(20)
        .allSatisfy(
            text ->
                Assertions.assertThat(text)
                    .doesNotContainPattern("[A-Za-z]{2,}")
                    .doesNotContain("=")
                    .containsPattern("[\\u0600-\\u06FF]"));
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
        .hasName("بررسی مدارک پذیرش توسط کارشناس دانشکده (۱۴۰۱۰) — ۴۰۰۱۲۳۴۵۶ سارا احمدی")
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
        .hasName(
            "بررسی نهایی مدارک توسط واحد پذیرش ستاد (۱۴۰۱۰) — ۴۰۰۱۲۳۴۵۶ سارا احمدی (دانشکده فنی)")
        .hasCandidateGroup("central-admission")
        .isNotAssigned()
        .hasFormKey(CHECK_FORM);
  }

  @Test
  void aFileWaitingForItsBatchCardsRecordsTheNoteOnlyOnceTheyArrive() throws Exception {
    batchDocumentsInFile = false;
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    review(file, true);
    review(file, true);

    assertThat(file)
        .isWaitingAt("Event_BatchDocumentsArrived")
        .hasPassed("Task_CheckBatchDocuments")
        .hasNotPassed("Task_RecordRegistrationCompleteNote");
    BpmnAwareTests.runtimeService()
        .createMessageCorrelation("BatchDocumentsArrived")
        .processInstanceBusinessKey(STUDENT_NUMBER)
        .correlateAll();
    assertThat(file).as("one card of two arrived").isWaitingAt("Event_BatchDocumentsArrived");

    batchDocumentsInFile = true;
    BpmnAwareTests.runtimeService()
        .createMessageCorrelation("BatchDocumentsArrived")
        .processInstanceBusinessKey(STUDENT_NUMBER)
        .correlateAll();

    assertThat(file).isWaitingAt("Task_RecordRegistrationCompleteNote");
    execute(job(file));
    verify(recordRegistrationCompleteNote, times(1)).execute(any(DelegateExecution.class));
  }

  @Test
  void acceptedByFacultyAndCentralRecordsNoteMovesFileToStudyAndWaitsForStudyEnd()
      throws Exception {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    review(file, true);
    review(file, true);

    assertThat(file)
        .hasPassedInOrder("Task_CheckDocumentsFaculty", "Task_CheckDocumentsCentral")
        .hasNotPassed("Task_CorrectRejectedDocuments")
        .variables()
        .containsEntry("documentsAccepted", true);

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

    runtimeService()
        .createMessageCorrelation("StudyEnded")
        .processInstanceBusinessKey(STUDENT_NUMBER)
        .correlate();

    // Graduation clearance follows (tests below); first the end of study is recorded.
    assertThat(file).hasPassed("Event_StudyEnded").isNotEnded().isWaitingAt("Task_RecordStudyEnd");
    verify(determineRequiredDocuments, times(1)).execute(any(DelegateExecution.class));
    verify(recordRegistrationCompleteNote, times(1)).execute(any(DelegateExecution.class));
  }

  @Test
  void facultyRejectionSendsDocumentsBackToTheStudentAndTheFacultyChecksAgain() throws Exception {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));

    review(file, false);

    assertThat(file)
        .isWaitingAt("Task_CorrectRejectedDocuments")
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
        .when(recordRegistrationCompleteNote)
        .execute(any());
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    review(file, true);
    review(file, true);

    for (int expectedRetriesLeft = 2; expectedRetriesLeft >= 0; expectedRetriesLeft--) {
      Job noteJob = job(file);
      assertThatThrownBy(() -> managementService().executeJob(noteJob.getId()))
          .hasMessageContaining("note store unavailable");
      assertThat(job(file))
          .hasActivityId("Task_RecordRegistrationCompleteNote")
          .hasRetries(expectedRetriesLeft)
          .hasExceptionMessage();
      assertThat(file).isWaitingAt("Task_RecordRegistrationCompleteNote");
      if (expectedRetriesLeft > 0) {
        // R3/PT5M: the next attempt is due five minutes later, not immediately.
        Assertions.assertThat(job(file).getDuedate())
            .isAfter(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(4))));
      }
    }

    Assertions.assertThat(
            runtimeService()
                .createIncidentQuery()
                .processInstanceId(file.getId())
                .activityId("Task_RecordRegistrationCompleteNote")
                .count())
        .isEqualTo(1);
    verify(recordRegistrationCompleteNote, times(3)).execute(any(DelegateExecution.class));
    Assertions.assertThat(changeFileStage.stages).isEmpty();
    assertThat(file).hasNotPassed("Task_MoveFileToStudyStage");
  }

  // ---------------------------------------------------------------- graduation clearance

  @Test
  void graduatedBachelorIsClearedByCentralRecordsAnnouncedAndArchivedAfterPortalRequest() {
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);

    endStudy(file, "GRADUATED");

    verify(studentService).endStudy(STUDENT_NUMBER, StudentStatus.GRADUATED, "golestan");
    assertThat(file)
        .hasPassed("Event_FileReadyForClearance")
        .isWaitingAt("Task_CheckFileClearance")
        .variables()
        .containsEntry("graduated", true)
        .containsEntry("clearanceGroup", "central-records");
    assertThat(task(file))
        .hasName("بررسی نهایی پرونده برای تسویه با گزارش ۱۱۲ — ۴۰۰۱۲۳۴۵۶ سارا احمدی (دانشکده فنی)")
        .hasCandidateGroup("central-records")
        .hasFormKey("embedded:deployment:forms/check-file-clearance.html");
    Assertions.assertThat(task(file).getDueDate()).isNotNull();

    complete(task(file), withVariables("fileComplete", true));
    runJob(file, "Task_AnnounceToGraduatesOffice");

    assertThat(file).isWaitingAt("Task_AwaitGraduationRequest");
    assertThat(task(file)).hasCandidateGroup("graduates-office");
    Assertions.assertThat(notes.keySet()).containsExactly("CLEARANCE_COMPLETE");

    runtimeService()
        .createMessageCorrelation("GraduationRequested")
        .processInstanceBusinessKey(STUDENT_NUMBER)
        .correlate();

    assertThat(file)
        .hasPassed("BoundaryEvent_GraduationRequestedOnline")
        .isWaitingAt("Task_IssueGraduationDocuments");
    verify(graduationRequestListener, never()).notify(any());
    assertThat(task(file)).hasCandidateGroup("graduates-office");
    complete(task(file), withVariables("issuedDocuments", "دانشنامه و ریزنمرات"));
    runJob(file, "Task_RecordGraduationDocumentsIssued");
    runJob(file, "Task_ArchiveFile");

    assertThat(file)
        .isEnded()
        .hasPassed("EndEvent_FileArchived")
        .hasNotPassed("Task_CompleteFileForClearance");
    Assertions.assertThat(notes.keySet())
        .containsExactly("CLEARANCE_COMPLETE", "GRADUATION_DOCUMENTS_ISSUED", "FILE_ARCHIVED");
    Assertions.assertThat(notes.get("GRADUATION_DOCUMENTS_ISSUED")).contains("دانشنامه و ریزنمرات");
  }

  @Test
  void postgraduateFileIsClearedByGraduateStudies() {
    ProcessInstance file = fileAtStudyEnd(Degree.MASTER);

    endStudy(file, "GRADUATED");

    assertThat(task(file))
        .hasDefinitionKey("Task_CheckFileClearance")
        .hasCandidateGroup("graduate-studies");
  }

  @Test
  void aProcessOwnersNewClearanceTableDecidesWhoClearsWithoutAChangeInJava() throws Exception {
    String shipped =
        new String(
            getClass().getResourceAsStream("/processes/ClearanceGroup.dmn").readAllBytes(),
            StandardCharsets.UTF_8);
    String mastersByCentralRecords =
        shipped.replace("<text>\"MASTER\",\"PHD\"</text>", "<text>\"PHD\"</text>");
    Assertions.assertThat(mastersByCentralRecords).isNotEqualTo(shipped);
    String deployment =
        BpmnAwareTests.repositoryService()
            .createDeployment()
            .addString("ClearanceGroup.dmn", mastersByCentralRecords)
            .deploy()
            .getId();
    try {
      ProcessInstance file = fileAtStudyEnd(Degree.MASTER);

      endStudy(file, "GRADUATED");

      assertThat(file).variables().containsEntry("clearanceGroup", "central-records");
      assertThat(task(file))
          .hasDefinitionKey("Task_CheckFileClearance")
          .hasCandidateGroup("central-records");
    } finally {
      BpmnAwareTests.repositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void missingItemsGoBackToTheFacultyAndCentralChecksAgain() {
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);
    endStudy(file, "GRADUATED");

    complete(
        task(file),
        withVariables("fileComplete", false, "missingItems", "نشانی گواهی کارآموزی ثبت نشده است"));

    assertThat(file).isWaitingAt("Task_CompleteFileForClearance");
    assertThat(task(file))
        .hasName("تکمیل کسری‌های پرونده توسط دانشکده (۱۷۰۳۰) — ۴۰۰۱۲۳۴۵۶ سارا احمدی")
        .hasCandidateGroup(FACULTY_GROUP)
        .hasFormKey("embedded:deployment:forms/check-file-clearance.html");
    Assertions.assertThat(runtimeService().getVariable(file.getId(), "missingItems"))
        .isEqualTo("نشانی گواهی کارآموزی ثبت نشده است");

    complete(task(file));

    assertThat(file).isWaitingAt("Task_CheckFileClearance");
    assertThat(task(file)).hasCandidateGroup("central-records");
    complete(task(file), withVariables("fileComplete", true));
    assertThat(file).isWaitingAt("Task_AnnounceToGraduatesOffice");
  }

  @ParameterizedTest
  @EnumSource(
      value = StudentStatus.class,
      names = {"WITHDRAWN", "EXPELLED", "CLOSED"})
  void closedFilesAreClearedTheSameWayAndArchivedWithTheirStatus(StudentStatus reason) {
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);

    endStudy(file, reason.name());

    verify(studentService).endStudy(STUDENT_NUMBER, reason, "golestan");
    assertThat(file)
        .isWaitingAt("Task_CheckFileClearance")
        .variables()
        .containsEntry("graduated", false);
    complete(
        task(file),
        withVariables("fileComplete", false, "missingItems", "حکم انصراف در پرونده نیست"));
    assertThat(file).isWaitingAt("Task_CompleteFileForClearance");
    complete(task(file));
    complete(task(file), withVariables("fileComplete", true));
    runJob(file, "Task_ArchiveFile");

    assertThat(file)
        .isEnded()
        .hasPassed("EndEvent_FileArchived")
        .hasNotPassed(
            "Task_AnnounceToGraduatesOffice",
            "Task_AwaitGraduationRequest",
            "Task_IssueGraduationDocuments");
    Assertions.assertThat(notes.keySet()).containsExactly("FILE_ARCHIVED");
  }

  @Test
  void graduatesOfficeClerkRecordsAnInPersonRequest() throws Exception {
    ProcessInstance file = fileAtStudyEnd(Degree.PHD);
    endStudy(file, "GRADUATED");
    complete(task(file), withVariables("fileComplete", true));
    runJob(file, "Task_AnnounceToGraduatesOffice");

    complete(task(file));

    verify(graduationRequestListener, times(1)).notify(any());
    assertThat(file)
        .hasNotPassed("BoundaryEvent_GraduationRequestedOnline")
        .isWaitingAt("Task_IssueGraduationDocuments");
  }

  @Test
  void afterGraduationStageIsOffByDefaultAndOnWhenConfigured() {
    ProcessInstance off = graduateAndIssue("400000001");
    assertThat(off)
        .isEnded()
        .hasPassed("EndEvent_FileArchived")
        .hasNotPassed("Task_MoveFileToAfterGraduationStage");

    registerClearanceBeans(true);
    ProcessInstance on = graduateAndIssue("400000002");
    assertThat(on).isNotEnded().hasNotPassed("EndEvent_FileArchived");
    runJob(on, "Task_MoveFileToAfterGraduationStage");
    Assertions.assertThat(changeFileStage.stages).containsExactly("AFTER_GRADUATION");
    assertThat(on).isWaitingAt("Event_AfterGraduationDocumentRequested");

    runtimeService()
        .createMessageCorrelation("AfterGraduationDocumentRequested")
        .processInstanceBusinessKey("400000002")
        .setVariable("afterGraduationRequestId", "r1")
        .correlate();
    assertThat(task(on))
        .hasDefinitionKey("Task_IssueAfterGraduationDocument")
        .hasCandidateGroup("graduates-office");
    complete(task(on), withVariables("issuedDocuments", "گواهی موقت"));
    runJob(on, "Task_RecordAfterGraduationDocument");
    assertThat(on).isWaitingAt("Event_AfterGraduationDocumentRequested");
  }

  @Test
  void unknownClosureReasonBecomesAnIncidentWithAReadableMessage() {
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);
    runtimeService()
        .createMessageCorrelation("StudyEnded")
        .processInstanceBusinessKey(STUDENT_NUMBER)
        .setVariable("closureReason", "MOVED")
        .correlate();

    failJobUntilIncident(file, "Task_RecordStudyEnd");

    Assertions.assertThat(
            runtimeService()
                .createIncidentQuery()
                .processInstanceId(file.getId())
                .singleResult()
                .getIncidentMessage())
        .contains("علت پایان تحصیل نامعتبر است")
        .contains("closureReason");

    runtimeService().setVariable(file.getId(), "closureReason", "WITHDRAWN");
    retryFromCockpit(file, "Task_RecordStudyEnd");
    assertThat(file).isWaitingAt("Task_CheckFileClearance");
    Assertions.assertThat(
            runtimeService().createIncidentQuery().processInstanceId(file.getId()).count())
        .isZero();
  }

  @Test
  void failedNoteJobBecomesAnIncidentAndARetryCompletesItWithoutADuplicateNote() {
    failingNoteKinds.add("FILE_ARCHIVED");
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);
    endStudy(file, "EXPELLED");
    complete(task(file), withVariables("fileComplete", true));

    failJobUntilIncident(file, "Task_ArchiveFile");
    Assertions.assertThat(
            runtimeService()
                .createIncidentQuery()
                .processInstanceId(file.getId())
                .singleResult()
                .getIncidentMessage())
        .contains("note store unavailable");

    failingNoteKinds.clear();
    retryFromCockpit(file, "Task_ArchiveFile");

    assertThat(file).isEnded().hasPassed("EndEvent_FileArchived");
    // Every failed attempt wrote before failing; the idempotency key made them one note.
    Assertions.assertThat(noteAttempts).hasSize(4).containsOnly(noteAttempts.get(0));
    Assertions.assertThat(notes).hasSize(1);
  }

  @Test
  void overdueClearanceCheckRemindsTheGroupThenAsksManagersToFollowUp() {
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);
    endStudy(file, "GRADUATED");
    Task check = task(file);
    Assertions.assertThat(check.getDueDate())
        .isCloseTo(
            Date.from(
                ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(CLEARANCE_DUE_DAYS))),
            60_000);

    ClockUtil.offset(Duration.ofDays(CLEARANCE_DUE_DAYS).plusHours(1).toMillis());
    Assertions.assertThat(runDueTimeouts(file, "Task_CheckFileClearance")).isEqualTo(1);
    runJob(file, "Task_RemindOverdueGroup");

    Task reminded = taskService().createTaskQuery().taskId(check.getId()).singleResult();
    Assertions.assertThat(reminded.getPriority())
        .isEqualTo(OverdueReminderDelegate.OVERDUE_PRIORITY);
    Assertions.assertThat(taskService().getTaskComments(check.getId()))
        .extracting(Comment::getFullMessage)
        .containsExactly(OverdueReminderDelegate.REMINDER);
    Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers").count())
        .isZero();

    ClockUtil.offset(Duration.ofDays(CLEARANCE_DUE_DAYS + 3).plusHours(2).toMillis());
    Assertions.assertThat(runDueTimeouts(file, "Task_CheckFileClearance")).isEqualTo(1);

    Task followUp =
        taskService()
            .createTaskQuery()
            .processInstanceId(file.getId())
            .taskDefinitionKey("Task_FollowUpStuckFile")
            .singleResult();
    assertThat(followUp)
        .hasCandidateGroup("managers")
        .hasName("پیگیری پرونده معطل — ۴۰۰۱۲۳۴۵۶ سارا احمدی (دانشکده فنی)");
    // The clearance check itself stays with central records.
    assertThat(file).isWaitingAt("Task_CheckFileClearance", "Task_FollowUpStuckFile");
    complete(
        taskService().createTaskQuery().taskId(check.getId()).singleResult(),
        withVariables("fileComplete", true));
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(file.getId()).timers().count())
        .isZero();
  }

  /** The expert tasks that are reminded and escalated, with their task types in the settings. */
  private static final Map<String, String> FOLLOWED_UP_TASKS =
      Map.of(
          "Task_CheckDocumentsFaculty", "check-faculty",
          "Task_CheckDocumentsCentral", "check-central",
          "Task_CheckFileClearance", "clearance-central",
          "Task_CompleteFileForClearance", "clearance-faculty",
          "Task_IssueGraduationDocuments", "issue-graduation-documents");

  @Test
  void expertTasksCarryTimeoutListenersAndOneEventSubProcessFollowsThemUp() {
    BpmnModelInstance model = latestModel();

    // No timer on the diagram's tasks: the only boundary event left is the portal's message.
    Assertions.assertThat(model.getModelElementsByType(BoundaryEvent.class))
        .extracting(BoundaryEvent::getId)
        .containsExactly("BoundaryEvent_GraduationRequestedOnline");
    for (Map.Entry<String, String> followed : FOLLOWED_UP_TASKS.entrySet()) {
      UserTask task = model.getModelElementById(followed.getKey());
      Assertions.assertThat(
              task
                  .getExtensionElements()
                  .getElementsQuery()
                  .filterByType(CamundaTaskListener.class)
                  .list()
                  .stream()
                  .filter(l -> "timeout".equals(l.getCamundaEvent()))
                  .map(
                      l ->
                          l.getCamundaDelegateExpression()
                              + " "
                              + l.getTimeouts()
                                  .iterator()
                                  .next()
                                  .getTimeDuration()
                                  .getTextContent()))
          .as(followed.getKey())
          .containsExactlyInAnyOrder(
              "${overdueReminderDue} ${workflowSettings.reminderAfter('"
                  + followed.getValue()
                  + "')}",
              "${overdueEscalationDue} ${workflowSettings.escalationAfter('"
                  + followed.getValue()
                  + "')}");
    }

    List<SubProcess> eventSubProcesses =
        model.getModelElementsByType(SubProcess.class).stream()
            .filter(SubProcess::triggeredByEvent)
            .toList();
    Assertions.assertThat(eventSubProcesses).hasSize(1);
    SubProcess followUp = eventSubProcesses.get(0);
    Assertions.assertThat(followUp.getId()).isEqualTo(OverdueFollowUp.SUB_PROCESS);
    Assertions.assertThat(followUp.getName()).isEqualTo("پیگیری پرونده معطل");
    StartEvent start = followUp.getChildElementsByType(StartEvent.class).iterator().next();
    Assertions.assertThat(start.isInterrupting()).isFalse();
    Assertions.assertThat(
            start
                .getChildElementsByType(MessageEventDefinition.class)
                .iterator()
                .next()
                .getMessage()
                .getName())
        .isEqualTo(TaskOverdueListener.MESSAGE);
    Assertions.assertThat(followUp.getFlowElements())
        .extracting(FlowElement::getId)
        .contains("Task_RemindOverdueGroup", "Task_FollowUpStuckFile");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Task_CheckDocumentsFaculty",
        "Task_CheckDocumentsCentral",
        "Task_CheckFileClearance",
        "Task_CompleteFileForClearance",
        "Task_IssueGraduationDocuments"
      })
  void eachExpertTaskIsRemindedAfterItsOwnDueDaysAndEscalatedAfterTheEscalationDays(String taskId) {
    Map<String, Integer> dueDays = new LinkedHashMap<>();
    int days = 4;
    for (String type : new TreeSet<>(FOLLOWED_UP_TASKS.values())) {
      dueDays.put(type, days++);
    }
    int ownDays = dueDays.get(FOLLOWED_UP_TASKS.get(taskId));
    Mocks.register("workflowSettings", new WorkflowSettings(dueDays, 2, false));
    ProcessInstance file = fileAt(taskId);
    Task task = task(file);
    Date created = task.getCreateTime();
    List<Date> due = timersAt(file, taskId).stream().map(Job::getDuedate).sorted().toList();
    Assertions.assertThat(due).hasSize(2);
    Assertions.assertThat(due.get(0))
        .isCloseTo(new Date(created.getTime() + Duration.ofDays(ownDays).toMillis()), 1_000);
    Assertions.assertThat(due.get(1))
        .isCloseTo(new Date(created.getTime() + Duration.ofDays(ownDays + 2).toMillis()), 1_000);

    ClockUtil.offset(Duration.ofDays(ownDays).minusHours(1).toMillis());
    Assertions.assertThat(runDueTimeouts(file, taskId)).isZero();

    ClockUtil.offset(Duration.ofDays(ownDays).plusHours(1).toMillis());
    Assertions.assertThat(runDueTimeouts(file, taskId)).isEqualTo(1);
    runJob(file, "Task_RemindOverdueGroup");
    Assertions.assertThat(taskService().createTaskQuery().taskId(task.getId()).singleResult())
        .extracting(Task::getPriority)
        .isEqualTo(OverdueReminderDelegate.OVERDUE_PRIORITY);
    Assertions.assertThat(managersTasks(file)).isEmpty();

    ClockUtil.offset(Duration.ofDays(ownDays + 2).plusHours(1).toMillis());
    Assertions.assertThat(runDueTimeouts(file, taskId)).isEqualTo(1);
    Assertions.assertThat(managersTasks(file)).hasSize(1);
    // Each level fired once: nothing is left to fire for this task.
    Assertions.assertThat(timersAt(file, taskId)).isEmpty();
    Assertions.assertThat(taskService().getTaskComments(task.getId())).hasSize(1);
  }

  @Test
  void aTaskDoneInTimeIsNeitherRemindedNorEscalated() {
    ProcessInstance file = fileAtStudyEnd(Degree.BACHELOR);
    endStudy(file, "EXPELLED");
    Assertions.assertThat(timersAt(file, "Task_CheckFileClearance")).hasSize(2);

    complete(task(file), withVariables("fileComplete", true));

    Assertions.assertThat(timersAt(file, "Task_CheckFileClearance")).isEmpty();
    ClockUtil.offset(Duration.ofDays(CLEARANCE_DUE_DAYS + 30).toMillis());
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(file.getId()).timers().count())
        .isZero();
    Assertions.assertThat(managersTasks(file)).isEmpty();
    Assertions.assertThat(
            BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(file.getId())
                .activityId(OverdueFollowUp.SUB_PROCESS)
                .count())
        .isZero();
  }

  @Test
  void admissionChecksHaveDueDatesAndEscalateToo() {
    ProcessInstance file = openFileAndDetermineDocuments();
    Assertions.assertThat(task(file).getDueDate()).isNotNull();
    complete(task(file));

    ClockUtil.offset(
        Duration.ofDays(WorkflowSettings.DEFAULT_DUE_DAYS + 3).plusHours(1).toMillis());
    Assertions.assertThat(runDueTimeouts(file, "Task_CheckDocumentsFaculty")).isEqualTo(2);

    assertThat(file)
        .isWaitingAt(
            "Task_CheckDocumentsFaculty", "Task_RemindOverdueGroup", "Task_FollowUpStuckFile");
  }

  @Test
  void twoFollowUpsOfTheSameFileAtOnceEachKeepTheirOwnLevelAndTask() {
    ProcessInstance file = openFileAndDetermineDocuments();
    complete(task(file));
    Task check = task(file);

    ClockUtil.offset(
        Duration.ofDays(WorkflowSettings.DEFAULT_DUE_DAYS + 3).plusHours(1).toMillis());
    Assertions.assertThat(runDueTimeouts(file, "Task_CheckDocumentsFaculty")).isEqualTo(2);

    // each follow-up's variables are its own, not the file's (where the second would overwrite
    // the first's)
    List<VariableInstance> levels =
        runtimeService()
            .createVariableInstanceQuery()
            .processInstanceIdIn(file.getId())
            .variableName(OverdueFollowUp.VAR_LEVEL)
            .list();
    Assertions.assertThat(levels)
        .extracting(VariableInstance::getValue)
        .containsExactlyInAnyOrder(OverdueFollowUp.REMINDER, OverdueFollowUp.ESCALATION);
    Assertions.assertThat(levels)
        .extracting(VariableInstance::getExecutionId)
        .doesNotContain(file.getId())
        .doesNotHaveDuplicates();
    Assertions.assertThat(
            runtimeService()
                .createVariableInstanceQuery()
                .processInstanceIdIn(file.getId())
                .variableName(OverdueFollowUp.VAR_OVERDUE_TASK)
                .list())
        .extracting(VariableInstance::getValue)
        .containsExactly(check.getId(), check.getId());
    Assertions.assertThat(runtimeService().getVariablesLocal(file.getId()))
        .doesNotContainKeys(
            OverdueFollowUp.VAR_LEVEL,
            OverdueFollowUp.VAR_OVERDUE_TASK,
            OverdueFollowUp.VAR_OVERDUE_STEP);
    assertThat(file)
        .isWaitingAt(
            "Task_CheckDocumentsFaculty", "Task_RemindOverdueGroup", "Task_FollowUpStuckFile");
  }

  // ---------------------------------------------------------------- clearance helpers

  private static final int CLEARANCE_DUE_DAYS = 10;

  private final StudentService studentService = mock(StudentService.class);
  private final NoteService noteService = mock(NoteService.class);
  private final TaskListener graduationRequestListener = mock(TaskListener.class);

  /** Notes by kind, one per idempotency key (as NoteService keeps them). */
  private final Map<String, String> notes = new LinkedHashMap<>();

  private final List<String> noteAttempts = new ArrayList<>();
  private final List<String> failingNoteKinds = new ArrayList<>();
  private Degree degree = Degree.BACHELOR;

  /** The real clearance delegates over mocked student and note services. */
  private void registerClearanceBeans(boolean afterGraduation) {
    Mocks.register(
        "workflowSettings",
        new WorkflowSettings(Map.of("clearance-central", CLEARANCE_DUE_DAYS), 3, afterGraduation));
    Mocks.register("recordStudyEndDelegate", new RecordStudyEndDelegate(studentService));
    Mocks.register(
        "recordFileNoteDelegate", new RecordFileNoteDelegate(studentService, noteService));
    Mocks.register("overdueReminderDelegate", new OverdueReminderDelegate());
    Mocks.register("overdueReminderDue", new TaskOverdueListener.Reminder());
    Mocks.register("overdueEscalationDue", new TaskOverdueListener.Escalation());
    Mocks.register(
        "clearanceDecisionListener",
        (TaskListener) task -> task.setVariable("clearanceCheckedBy", "central.records"));
    Mocks.register("graduationRequestListener", graduationRequestListener);
    Mocks.register("documentsIssuedListener", new DocumentsIssuedListener());
    StudentRef student = mock(StudentRef.class);
    when(student.id()).thenReturn(42L);
    when(student.degree()).thenAnswer(i -> degree);
    when(studentService.get(anyString())).thenReturn(student);
    FacultyRef engineering = new FacultyRef("engineering", "دانشکده فنی", "Engineering");
    when(studentService.find(anyString()))
        .thenAnswer(
            call -> {
              StudentRef named = mock(StudentRef.class);
              when(named.studentNumber()).thenReturn(call.getArgument(0));
              when(named.fullName()).thenReturn("سارا احمدی");
              when(named.faculty()).thenReturn(engineering);
              return Optional.of(named);
            });
    when(studentService.endStudy(anyString(), any(), anyString())).thenReturn(student);
    when(noteService.record(eq(42L), any(), anyString(), anyString(), any(), anyString()))
        .thenAnswer(
            call -> {
              NoteKind kind = call.getArgument(1);
              String key = call.getArgument(5);
              noteAttempts.add(key);
              notes.putIfAbsent(kind.name(), call.getArgument(2));
              if (failingNoteKinds.contains(kind.name())) {
                throw new IllegalStateException("note store unavailable");
              }
              return mock(NoteView.class);
            });
  }

  private ProcessInstance fileAtStudyEnd(Degree studentDegree) {
    degree = studentDegree;
    return fileAtStudyEnd(STUDENT_NUMBER);
  }

  /** A file that has finished admission and waits during study (started right there). */
  private ProcessInstance fileAtStudyEnd(String studentNumber) {
    return runtimeService()
        .createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(studentNumber)
        .startBeforeActivity("Event_StudyEnded")
        .setVariables(
            withVariables(
                "studentNumber",
                studentNumber,
                "studentUserId",
                STUDENT_USER_ID,
                "facultyGroup",
                FACULTY_GROUP))
        .execute();
  }

  private void endStudy(ProcessInstance file, String reason) {
    runtimeService()
        .createMessageCorrelation("StudyEnded")
        .processInstanceId(file.getId())
        .setVariable("closureReason", reason)
        .setVariable("studyEndedBy", "golestan")
        .correlate();
    runJob(file, "Task_RecordStudyEnd");
  }

  private ProcessInstance graduateAndIssue(String studentNumber) {
    ProcessInstance file = fileAtStudyEnd(studentNumber);
    endStudy(file, "GRADUATED");
    complete(task(file), withVariables("fileComplete", true));
    runJob(file, "Task_AnnounceToGraduatesOffice");
    complete(task(file));
    complete(task(file), withVariables("issuedDocuments", "دانشنامه"));
    runJob(file, "Task_RecordGraduationDocumentsIssued");
    runJob(file, "Task_ArchiveFile");
    return file;
  }

  private Job jobAt(ProcessInstance file, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(file.getId())
        .activityId(activityId)
        .singleResult();
  }

  private void runJob(ProcessInstance file, String activityId) {
    Job found = jobAt(file, activityId);
    Assertions.assertThat(found).as("job at " + activityId).isNotNull();
    managementService().executeJob(found.getId());
  }

  /**
   * Runs the timeout-listener timers of this task that are due by the engine's (moved) clock, in
   * due order; returns how many ran.
   */
  private int runDueTimeouts(ProcessInstance file, String taskId) {
    List<Job> due =
        managementService()
            .createJobQuery()
            .processInstanceId(file.getId())
            .activityId(taskId)
            .timers()
            .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
            .orderByJobDuedate()
            .asc()
            .list();
    due.forEach(timer -> managementService().executeJob(timer.getId()));
    return due.size();
  }

  /** A file started right at this task, with the variables its candidate groups need. */
  private ProcessInstance fileAt(String taskId) {
    return runtimeService()
        .createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(STUDENT_NUMBER)
        .startBeforeActivity(taskId)
        .setVariables(
            withVariables(
                "studentNumber", STUDENT_NUMBER,
                "studentUserId", STUDENT_USER_ID,
                "facultyGroup", FACULTY_GROUP,
                "clearanceGroup", "central-records"))
        .execute();
  }

  private List<Job> timersAt(ProcessInstance file, String activityId) {
    return managementService()
        .createJobQuery()
        .processInstanceId(file.getId())
        .activityId(activityId)
        .timers()
        .list();
  }

  private List<Task> managersTasks(ProcessInstance file) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(file.getId())
        .taskCandidateGroup("managers")
        .list();
  }

  private void failJobUntilIncident(ProcessInstance file, String activityId) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Job failing = jobAt(file, activityId);
      assertThatThrownBy(() -> managementService().executeJob(failing.getId()));
    }
    Assertions.assertThat(jobAt(file, activityId).getRetries()).isZero();
    Assertions.assertThat(
            runtimeService()
                .createIncidentQuery()
                .processInstanceId(file.getId())
                .activityId(activityId)
                .count())
        .isEqualTo(1);
  }

  /**
   * What "Retry" in Cockpit does: give the failed job one more attempt, then the job executor runs
   * it.
   */
  private void retryFromCockpit(ProcessInstance file, String activityId) {
    Job failed = jobAt(file, activityId);
    managementService().setJobRetries(failed.getId(), 1);
    managementService().executeJob(failed.getId());
  }

  private ProcessInstance openFile() {
    return runtimeService()
        .startProcessInstanceByKey(
            PROCESS_KEY,
            STUDENT_NUMBER,
            withVariables(
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

  /**
   * Stands in for the stage delegate; records the "targetStage" input parameter the model passes.
   */
  static class StageRecordingDelegate implements JavaDelegate {

    final List<String> stages = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      stages.add((String) execution.getVariableLocal("targetStage"));
    }
  }
}
