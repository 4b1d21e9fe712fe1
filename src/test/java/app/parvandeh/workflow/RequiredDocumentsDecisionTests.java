package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
@Deployment(resources = "processes/RequiredDocuments.dmn")
class RequiredDocumentsDecisionTests {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  private static final Requirement PHOTO = new Requirement("PHOTO", "STUDENT");
  private static final Requirement NATIONAL_ID_CARD =
      new Requirement("NATIONAL_ID_CARD", "STUDENT");
  private static final Requirement BIRTH_CERTIFICATE =
      new Requirement("BIRTH_CERTIFICATE", "STUDENT");
  private static final Requirement PREVIOUS_DEGREE_CERTIFICATE =
      new Requirement("PREVIOUS_DEGREE_CERTIFICATE", "STUDENT");
  private static final Requirement CONFIRMATION_UPLOADED =
      new Requirement("PREVIOUS_DEGREE_CONFIRMATION", "STUDENT");
  private static final Requirement TRANSCRIPT_UPLOADED =
      new Requirement("PREVIOUS_DEGREE_TRANSCRIPT", "STUDENT");
  private static final Requirement CONFIRMATION_BY_INQUIRY =
      new Requirement("PREVIOUS_DEGREE_CONFIRMATION", "GOLESTAN_INQUIRY");
  private static final Requirement TRANSCRIPT_BY_INQUIRY =
      new Requirement("PREVIOUS_DEGREE_TRANSCRIPT", "GOLESTAN_INQUIRY");
  private static final Requirement EXAM_CARD_IN_BATCH = new Requirement("EXAM_CARD", "BATCH");
  private static final Requirement REPORT_CARD_IN_BATCH =
      new Requirement("CONFIDENTIAL_REPORT_CARD", "BATCH");
  private static final Requirement BRILLIANT_TALENT_CONFIRMED_BY_OFFICE =
      new Requirement("BRILLIANT_TALENT_QUALIFICATION", "BRILLIANT_TALENT_OFFICE");

  private ProcessEngine processEngine;

  @BeforeEach
  void useEngine(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Test
  void decisionCarriesPersianNameVersionTagAndHistoryTimeToLive() {
    DecisionDefinition decision =
        processEngine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("RequiredDocuments")
            .latestVersion()
            .singleResult();

    assertThat(decision.getName()).isEqualTo("مدارک لازم پرونده دانشجو");
    assertThat(decision.getVersionTag()).isEqualTo("1.0.0");
    assertThat(decision.getHistoryTimeToLive()).isEqualTo(3650);
  }

  @ParameterizedTest
  @ValueSource(strings = {"BACHELOR", "MASTER", "PHD"})
  void everyStudentOfEveryDegreeUploadsTheFourBasicDocuments(String degree) {
    assertThat(requiredDocuments(1399, degree, false))
        .contains(PHOTO, NATIONAL_ID_CARD, BIRTH_CERTIFICATE, PREVIOUS_DEGREE_CERTIFICATE);
    assertThat(requiredDocuments(1402, degree, true))
        .contains(PHOTO, NATIONAL_ID_CARD, BIRTH_CERTIFICATE, PREVIOUS_DEGREE_CERTIFICATE);
  }

  @Test
  void entrantOf1399UploadsPreviousDegreeConfirmationAndTranscript() {
    assertThat(requiredDocuments(1399, "MASTER", false))
        .containsExactlyInAnyOrder(
            PHOTO,
            NATIONAL_ID_CARD,
            BIRTH_CERTIFICATE,
            PREVIOUS_DEGREE_CERTIFICATE,
            CONFIRMATION_UPLOADED,
            TRANSCRIPT_UPLOADED,
            EXAM_CARD_IN_BATCH,
            REPORT_CARD_IN_BATCH);
  }

  @Test
  void entrantBefore1399HasNoInquiryReportSoUploadsConfirmationAndTranscriptToo() {
    assertThat(requiredDocuments(1398, "BACHELOR", false))
        .containsExactlyInAnyOrder(
            PHOTO,
            NATIONAL_ID_CARD,
            BIRTH_CERTIFICATE,
            PREVIOUS_DEGREE_CERTIFICATE,
            CONFIRMATION_UPLOADED,
            TRANSCRIPT_UPLOADED,
            EXAM_CARD_IN_BATCH,
            REPORT_CARD_IN_BATCH);
  }

  @ParameterizedTest
  @ValueSource(ints = {1400, 1403})
  void entrantOf1400OrLaterHasConfirmationAndTranscriptSeenThroughGolestanInquiry(int entryYear) {
    assertThat(requiredDocuments(entryYear, "MASTER", false))
        .containsExactlyInAnyOrder(
            PHOTO,
            NATIONAL_ID_CARD,
            BIRTH_CERTIFICATE,
            PREVIOUS_DEGREE_CERTIFICATE,
            CONFIRMATION_BY_INQUIRY,
            TRANSCRIPT_BY_INQUIRY,
            EXAM_CARD_IN_BATCH,
            REPORT_CARD_IN_BATCH);
  }

  @Test
  void studentAdmittedThroughTheNationalExamGetsExamCardAndReportCardFromTheBatch() {
    assertThat(requiredDocuments(1402, "BACHELOR", false))
        .contains(EXAM_CARD_IN_BATCH, REPORT_CARD_IN_BATCH)
        .doesNotContain(BRILLIANT_TALENT_CONFIRMED_BY_OFFICE);
  }

  @Test
  void brilliantTalentHasQualificationConfirmedByTheOfficeAndNoExamDocuments() {
    assertThat(requiredDocuments(1402, "MASTER", true))
        .containsExactlyInAnyOrder(
            PHOTO,
            NATIONAL_ID_CARD,
            BIRTH_CERTIFICATE,
            PREVIOUS_DEGREE_CERTIFICATE,
            CONFIRMATION_BY_INQUIRY,
            TRANSCRIPT_BY_INQUIRY,
            BRILLIANT_TALENT_CONFIRMED_BY_OFFICE);
  }

  @Test
  void brilliantTalentEntrantOf1399StillUploadsConfirmationAndTranscript() {
    assertThat(requiredDocuments(1399, "PHD", true))
        .containsExactlyInAnyOrder(
            PHOTO,
            NATIONAL_ID_CARD,
            BIRTH_CERTIFICATE,
            PREVIOUS_DEGREE_CERTIFICATE,
            CONFIRMATION_UPLOADED,
            TRANSCRIPT_UPLOADED,
            BRILLIANT_TALENT_CONFIRMED_BY_OFFICE);
  }

  private List<Requirement> requiredDocuments(
      int entryYear, String degree, boolean brilliantTalent) {
    DmnDecisionResult result =
        processEngine
            .getDecisionService()
            .evaluateDecisionByKey("RequiredDocuments")
            .variables(
                Variables.createVariables()
                    .putValue("entryYear", entryYear)
                    .putValue("degree", degree)
                    .putValue("brilliantTalent", brilliantTalent))
            .evaluate();
    return result.stream()
        .map(
            entries ->
                new Requirement(entries.getEntry("documentType"), entries.getEntry("supplier")))
        .toList();
  }

  /** One row of the decision's answer: a document type and who supplies it. */
  private record Requirement(String documentType, String supplier) {}
}
