package app.parvandeh.web;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.document.BatchDocuments;
import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentStatus;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.document.Supplier;
import app.parvandeh.intake.IntakeLabels;
import app.parvandeh.monitoring.StuckReason;
import app.parvandeh.note.NoteKind;
import app.parvandeh.preservation.FixityFindings;
import app.parvandeh.preservation.FixityRuns;
import app.parvandeh.shared.CodeNames;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentStatus;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Persian names of the codes the API answers with, and the upload limits, for the pages and the
 * Tasklist forms (static/js/kit.js): one source, so a page can never call a status by another name
 * than the server does.
 */
@RestController
class LabelsController {

  private static final IntakeLabels INTAKE = IntakeLabels.persian();

  private final DocumentService documents;
  private final BatchDocuments batchDocuments;
  private final MultipartProperties multipart;

  LabelsController(
      DocumentService documents, BatchDocuments batchDocuments, MultipartProperties multipart) {
    this.documents = documents;
    this.batchDocuments = batchDocuments;
    this.multipart = multipart;
  }

  /** One file's largest size, one request's (several files at once), and the types kept. */
  record Uploads(
      long maxFileSizeBytes,
      long maxRequestBytes,
      List<String> mediaTypes,
      List<String> extensions) {}

  record Labels(
      Map<String, String> degree,
      Map<String, String> studentStatus,
      Map<String, String> fileStage,
      Map<String, String> admissionType,
      Map<String, String> documentStatus,
      Map<String, String> reviewStage,
      Map<String, String> reviewDecision,
      Map<String, String> supplier,
      Map<String, String> noteKind,
      Map<String, String> auditAction,
      Map<String, String> rowOutcome,
      Map<String, String> entryOutcome,
      Map<String, String> importStatus,
      Map<String, String> batchStatus,
      Map<String, String> entryResolution,
      Map<String, String> cohortColumn,
      Map<String, String> batchDocumentType,
      Map<String, String> fixityFinding,
      Map<String, String> fixityCopy,
      Map<String, String> fixityRunStatus,
      Map<String, String> stuckReason,
      Uploads uploads) {}

  @GetMapping("/api/labels")
  Labels labels() {
    return new Labels(
        CodeNames.of(Degree.values(), Degree::labelFa),
        CodeNames.of(StudentStatus.values(), StudentStatus::labelFa),
        CodeNames.of(FileStage.values(), FileStage::labelFa),
        CodeNames.of(AdmissionType.values(), AdmissionType::labelFa),
        CodeNames.of(DocumentStatus.values(), DocumentStatus::labelFa),
        CodeNames.of(ReviewStage.values(), ReviewStage::labelFa),
        CodeNames.of(ReviewDecision.values(), ReviewDecision::labelFa),
        CodeNames.of(Supplier.values(), Supplier::labelFa),
        CodeNames.of(NoteKind.values(), NoteKind::labelFa),
        CodeNames.of(AuditAction.values(), AuditAction::labelFa),
        INTAKE.rowOutcome(),
        INTAKE.entryOutcome(),
        INTAKE.importStatus(),
        INTAKE.batchStatus(),
        INTAKE.entryResolution(),
        INTAKE.cohortColumn(),
        batchDocuments.typeNames(),
        CodeNames.of(FixityFindings.Kind.values(), FixityFindings.Kind::labelFa),
        CodeNames.of(ContentCopies.Copy.values(), ContentCopies.Copy::labelFa),
        CodeNames.of(FixityRuns.Status.values(), FixityRuns.Status::labelFa),
        CodeNames.of(StuckReason.values(), StuckReason::labelFa),
        uploads());
  }

  private Uploads uploads() {
    DocumentService.UploadLimits limits = documents.uploadLimits();
    return new Uploads(
        limits.maxFileSizeBytes(),
        multipart.getMaxRequestSize().toBytes(),
        limits.mediaTypes(),
        limits.extensions());
  }
}
