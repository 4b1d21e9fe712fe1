package app.parvandeh.document;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentService.StagedUpload;
import app.parvandeh.shared.ParvandehException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents issued during study in office automation (Golestan 18090): a PDF or JPG letter with its number, date
 * and a description naming it, stored in the student's file at the during-study stage.
 */
@Service
public class StudyDocuments {

  static final String DURING_STUDY = "DURING_STUDY";

  private final DocumentRepository documents;
  private final DocumentTypeRepository types;
  private final DocumentService uploads;
  private final ContentStore store;
  private final Clock clock;
  private final AuditLog audit;

  StudyDocuments(DocumentRepository documents, DocumentTypeRepository types, DocumentService uploads,
      ContentStore store, Clock clock, AuditLog audit) {
    this.documents = documents;
    this.types = types;
    this.uploads = uploads;
    this.store = store;
    this.clock = clock;
    this.audit = audit;
  }

  /** A type of the catalogue, for choosing one in a form. */
  public record TypeView(String code, String nameFa, String nameEn, String stage) {}

  @Transactional(readOnly = true)
  public List<TypeView> studyTypes() {
    return types.findAll().stream().filter(t -> DURING_STUDY.equals(t.getStage()))
        .sorted(Comparator.comparingInt(DocumentType::getSortOrder))
        .map(t -> new TypeView(t.getCode(), t.getNameFa(), t.getNameEn(), t.getStage())).toList();
  }

  /**
   * Stores an office-automation letter. Everything is checked (description, letter number and date, type, the bytes
   * being PDF or JPEG) before a row is written; a refusal stores nothing.
   */
  @Transactional
  public FileDocumentView registerOfficeLetter(Long studentId, String typeCode, Upload upload, String letterNumber,
      String letterDate, String description, String actor) {
    String text = DocumentTexts.required(description, DocumentTexts.DESCRIPTION, "description-required",
        "شرح مدرک را بنویسید؛ نام مدرک باید در شرح بیاید تا کارشناسان ستاد آن را با جست‌وجو بیابند.",
        "A description naming the document is required, so central clerks can find it by search.");
    String number = DocumentTexts.required(letterNumber, DocumentTexts.LETTER_NUMBER, "letter-number-required",
        "شماره نامه را بنویسید.", "The letter number is required.");
    String date = LetterDates.normalize(letterDate);
    if (date == null) {
      throw ParvandehException.badRequest("letter-date-required", "تاریخ نامه را بنویسید.",
          "The letter date is required.");
    }
    DocumentType type = types.findById(typeCode == null ? "" : typeCode)
        .filter(t -> DURING_STUDY.equals(t.getStage()))
        .orElseThrow(() -> ParvandehException.badRequest("not-a-study-document-type",
            "نوع مدرک از مدارک دوران تحصیل نیست.", "The document type is not a during-study type."));
    List<StagedUpload> staged = uploads.stageAll(List.of(upload));
    StagedUpload file = staged.get(0);
    if (!ContentTypes.PDF.equals(file.stored().mediaType()) && !ContentTypes.JPEG.equals(file.stored().mediaType())) {
      throw discardAnd(staged, ParvandehException.badRequest("pdf-or-jpg-only",
          "تصویر نامه باید PDF یا JPG باشد.", "An office-automation letter must be a PDF or JPG file."));
    }
    uploads.commitAll(staged);
    Instant now = Instant.now(clock);
    Document document = documents.save(Document.officeLetter(studentId, type, text, number, date, actor, now));
    DocumentVersion version = document.addVersion(file.stored(), upload.fileName(), actor, now);
    documents.flush();
    audit.change(actor, AuditAction.DOCUMENT_UPLOADED, studentId, document.getId(),
        type.getCode() + " v1: " + version.getFileName() + " (" + version.getMediaType() + ", "
            + version.getSizeBytes() + " bytes, sha256 " + version.getContentSha256() + "); letter " + number + " "
            + date + "; description «" + text + "»");
    return FileDocumentView.of(document);
  }

  /** The during-study document a note will address, if it is this student's and not deleted; else a 400. */
  @Transactional(readOnly = true)
  public FileDocumentView studyDocumentOf(Long studentId, Long documentId) {
    return documents.findById(documentId == null ? -1L : documentId)
        .filter(d -> d.getStudentId().equals(studentId) && DURING_STUDY.equals(d.getStage()) && !d.isDeleted())
        .map(FileDocumentView::of)
        .orElseThrow(() -> ParvandehException.badRequest("address-unresolved",
            "نشانی یادداشت به مدرک دوران تحصیلِ این دانشجو اشاره نمی‌کند.",
            "The note address does not resolve to a during-study document of this student."));
  }

  private RuntimeException discardAnd(List<StagedUpload> staged, RuntimeException e) {
    // The bytes were staged, not committed: discarding leaves nothing behind.
    staged.forEach(s -> store.discard(s.content()));
    return e;
  }
}
