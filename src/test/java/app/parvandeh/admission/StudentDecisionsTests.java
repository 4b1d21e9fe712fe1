package app.parvandeh.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.Requirement;
import app.parvandeh.document.Supplier;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.workflow.StudentDecisions;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * A process owner writes a rule on any of the student's attributes and it takes effect with no
 * change in Java: the tables here (test-only edits of the shipped ones) decide on the admission
 * type and channel, the faculty, the programme and the status, which the shipped tables do not use.
 */
@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
@Deployment(
    resources = {
      "decisions/RequiredDocumentsByAdmissionType.dmn",
      "decisions/ClearanceGroupByFaculty.dmn"
    })
class StudentDecisionsTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private final StudentService students = mock(StudentService.class);
  private final DocumentService documents = mock(DocumentService.class);
  private ProcessEngine processEngine;

  /** A process with only the real delegate that evaluates RequiredDocuments. */
  private String determineProcess;

  @BeforeEach
  void useEngine(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    Mocks.register(
        "determineRequiredDocumentsDelegate",
        new DetermineRequiredDocumentsDelegate(students, documents));
    determineProcess =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(
                "determine.bpmn",
                Bpmn.createExecutableProcess("Determine")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .serviceTask()
                    .camundaDelegateExpression("${determineRequiredDocumentsDelegate}")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
  }

  @AfterEach
  void resetMocks() {
    processEngine.getRepositoryService().deleteDeployment(determineProcess, true);
    Mocks.reset();
  }

  @Test
  void aRequiredDocumentsRuleOnTheAdmissionTypeTakesEffect() {
    assertThat(requiredDocumentsOf(student(AdmissionType.IN_PERSON, null)))
        .containsExactlyInAnyOrder(byStudent("PHOTO"), byStudent("EXAM_CARD"));
    assertThat(requiredDocumentsOf(student(AdmissionType.REMOTE, null)))
        .containsExactly(byStudent("PHOTO"));
  }

  @Test
  void
      aRequiredDocumentsRuleOnTheAdmissionChannelTakesEffectAndAFileWithoutOneMatchesOnlyAnyValue() {
    assertThat(requiredDocumentsOf(student(AdmissionType.REMOTE, "انتقالی")))
        .containsExactlyInAnyOrder(byStudent("PHOTO"), byStudent("PREVIOUS_DEGREE_TRANSCRIPT"));
    assertThat(requiredDocumentsOf(student(null, null))).containsExactly(byStudent("PHOTO"));
  }

  @Test
  void aClearanceRuleOnTheFacultyProgrammeOrStatusTakesEffect() {
    StudentRef medicine = student(AdmissionType.REMOTE, null);
    when(medicine.faculty()).thenReturn(new FacultyRef("medicine", "دانشکده پزشکی", "Medicine"));
    StudentRef nursing = student(AdmissionType.REMOTE, null);
    when(nursing.program()).thenReturn("پرستاری");
    StudentRef expelled = student(AdmissionType.REMOTE, null);
    when(expelled.faculty()).thenReturn(new FacultyRef("medicine", "دانشکده پزشکی", "Medicine"));
    when(expelled.status()).thenReturn(StudentStatus.EXPELLED);

    assertThat(StudentDecisions.clearanceGroupOf(processEngine.getDecisionService(), medicine))
        .isEqualTo("faculty-medicine");
    assertThat(StudentDecisions.clearanceGroupOf(processEngine.getDecisionService(), nursing))
        .isEqualTo("graduate-studies");
    assertThat(StudentDecisions.clearanceGroupOf(processEngine.getDecisionService(), expelled))
        .isEqualTo("managers");
  }

  @Test
  void aClearanceTableThatNamesNoGroupForAStudentFailsWithAMessageSayingWhatToFix() {
    StudentRef engineering = student(AdmissionType.REMOTE, null);

    assertThatThrownBy(
            () ->
                StudentDecisions.clearanceGroupOf(processEngine.getDecisionService(), engineering))
        .hasMessageContaining("ClearanceGroup.dmn named no clearance group for student 400123456");
  }

  @Test
  void aClearanceTableThatHandsAFileToAnotherFacultyOrTheProcessOwnersFailsSayingSo() {
    StudentRef midwifery =
        student(AdmissionType.REMOTE, null); // of engineering, cleared by science
    when(midwifery.program()).thenReturn("مامایی");
    StudentRef theatre = student(AdmissionType.REMOTE, null);
    when(theatre.program()).thenReturn("اتاق عمل");

    for (StudentRef student : List.of(midwifery, theatre)) {
      assertThatThrownBy(
              () -> StudentDecisions.clearanceGroupOf(processEngine.getDecisionService(), student))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("neither the student's own faculty's group");
    }
  }

  private List<Requirement> requiredDocumentsOf(StudentRef student) {
    when(students.get(anyString())).thenReturn(student);
    processEngine
        .getRuntimeService()
        .startProcessInstanceByKey("Determine", student.studentNumber());
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<Requirement>> decided = ArgumentCaptor.forClass(List.class);
    verify(documents, atLeastOnce()).recordRequirements(eq(7L), decided.capture());
    return decided.getValue();
  }

  private static Requirement byStudent(String type) {
    return new Requirement(type, Supplier.STUDENT);
  }

  private static StudentRef student(AdmissionType admissionType, String admissionChannel) {
    StudentRef student = mock(StudentRef.class);
    when(student.id()).thenReturn(7L);
    when(student.studentNumber()).thenReturn("400123456");
    when(student.degree()).thenReturn(Degree.BACHELOR);
    when(student.entryYear()).thenReturn(1402);
    when(student.admissionType()).thenReturn(admissionType);
    when(student.admissionChannel()).thenReturn(admissionChannel);
    when(student.faculty()).thenReturn(new FacultyRef("engineering", "دانشکده فنی", "Engineering"));
    when(student.status()).thenReturn(StudentStatus.GRADUATED);
    return student;
  }
}
