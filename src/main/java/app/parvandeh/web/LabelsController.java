package app.parvandeh.web;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentStatus;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.document.Supplier;
import app.parvandeh.note.NoteKind;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

  private final DocumentService documents;
  private final MultipartProperties multipart;

  LabelsController(DocumentService documents, MultipartProperties multipart) {
    this.documents = documents;
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
      Uploads uploads) {}

  @GetMapping("/api/labels")
  Labels labels() {
    return new Labels(
        names(Degree.values(), Degree::labelFa),
        names(StudentStatus.values(), StudentStatus::labelFa),
        names(FileStage.values(), FileStage::labelFa),
        names(AdmissionType.values(), AdmissionType::labelFa),
        names(DocumentStatus.values(), DocumentStatus::labelFa),
        names(ReviewStage.values(), ReviewStage::labelFa),
        names(ReviewDecision.values(), ReviewDecision::labelFa),
        names(Supplier.values(), Supplier::labelFa),
        names(NoteKind.values(), NoteKind::labelFa),
        names(AuditAction.values(), AuditAction::labelFa),
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

  /** Code → Persian name, in the enum's order. */
  private static <E extends Enum<E>> Map<String, String> names(
      E[] values, Function<E, String> label) {
    Map<String, String> names = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> names.put(v.name(), label.apply(v)));
    return names;
  }
}
