package app.parvandeh.document.internal;

import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FileStage;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The StudyDocuments facade over the module's repositories. */
@Service
class JpaStudyDocuments implements StudyDocuments {

  private final DocumentRepository documents;
  private final DocumentTypeRepository types;
  private final DocumentIntake intake;
  private final Clock clock;

  JpaStudyDocuments(
      DocumentRepository documents,
      DocumentTypeRepository types,
      DocumentIntake intake,
      Clock clock) {
    this.documents = documents;
    this.types = types;
    this.intake = intake;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  @Override
  public List<TypeView> studyTypes() {
    return types.findAll().stream()
        .filter(t -> t.getStage() == FileStage.DURING_STUDY)
        .sorted(Comparator.comparingInt(DocumentType::getSortOrder))
        .map(t -> new TypeView(t.getCode(), t.getNameFa(), t.getNameEn(), t.getStage().name()))
        .toList();
  }

  /**
   * Stores an office-automation letter. Everything is checked (description, letter number and date,
   * type, the bytes being PDF or JPEG) before a row is written; a refusal stores nothing.
   */
  @Transactional
  @Override
  public FileDocumentView registerOfficeLetter(
      Long studentId,
      String typeCode,
      Upload upload,
      String letterNumber,
      String letterDate,
      String description,
      String actor) {
    String text =
        DocumentTexts.required(
            description,
            DocumentTexts.DESCRIPTION,
            "description-required",
            "شرح مدرک را بنویسید؛ نام مدرک باید در شرح بیاید تا کارشناسان ستاد آن را با جست‌وجو بیابند.",
            "A description naming the document is required, so central clerks can find it by search.");
    String number =
        DocumentTexts.required(
            letterNumber,
            DocumentTexts.LETTER_NUMBER,
            "letter-number-required",
            "شماره نامه را بنویسید.",
            "The letter number is required.");
    String date = LetterDates.normalize(letterDate);
    if (date == null) {
      throw ParvandehException.badRequest(
          "letter-date-required", "تاریخ نامه را بنویسید.", "The letter date is required.");
    }
    DocumentType type =
        types
            .findById(typeCode == null ? "" : typeCode)
            .filter(t -> t.getStage() == FileStage.DURING_STUDY)
            .orElseThrow(
                () ->
                    ParvandehException.badRequest(
                        "not-a-study-document-type",
                        "نوع مدرک از مدارک دوران تحصیل نیست.",
                        "The document type is not a during-study type."));
    List<DocumentIntake.Staged> staged = intake.stage(List.of(upload));
    StoredContent file = staged.get(0).stored();
    if (!ContentTypes.PDF.equals(file.mediaType()) && !ContentTypes.JPEG.equals(file.mediaType())) {
      throw intake.refuse(
          staged,
          ParvandehException.badRequest(
              "pdf-or-jpg-only",
              "تصویر نامه باید PDF یا JPG باشد.",
              "An office-automation letter must be a PDF or JPG file."));
    }
    intake.commit(staged);
    Instant now = Instant.now(clock);
    Document document =
        documents.save(Document.officeLetter(studentId, type, text, number, date, actor, now));
    intake.addVersion(
        document,
        file,
        upload.fileName(),
        actor,
        now,
        null,
        "letter " + number + " " + date + "; description «" + text + "»");
    documents.flush();
    return Views.fileDocument(document);
  }

  /**
   * The during-study document a note will address, if it is this student's and not deleted; else a
   * 400.
   */
  @Transactional(readOnly = true)
  @Override
  public FileDocumentView studyDocumentOf(Long studentId, Long documentId) {
    return documents
        .findById(documentId == null ? -1L : documentId)
        .filter(
            d ->
                d.getStudentId().equals(studentId)
                    && d.getStage() == FileStage.DURING_STUDY
                    && !d.isDeleted())
        .map(Views::fileDocument)
        .orElseThrow(
            () ->
                ParvandehException.badRequest(
                    "address-unresolved",
                    "نشانی یادداشت به مدرک دوران تحصیلِ این دانشجو اشاره نمی‌کند.",
                    "The note address does not resolve to a during-study document of this student."));
  }
}
