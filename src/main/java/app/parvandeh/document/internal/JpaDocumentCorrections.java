package app.parvandeh.document.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.ParvandehException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The DocumentCorrections facade over the module's repositories. */
@Service
class JpaDocumentCorrections implements DocumentCorrections {

  private final DocumentRepository documents;
  private final DocumentIntake intake;
  private final Clock clock;
  private final AuditLog audit;
  private final EntityManager entityManager;

  JpaDocumentCorrections(
      DocumentRepository documents,
      DocumentIntake intake,
      Clock clock,
      AuditLog audit,
      EntityManager entityManager) {
    this.entityManager = entityManager;
    this.documents = documents;
    this.intake = intake;
    this.clock = clock;
    this.audit = audit;
  }

  /** Every document of the file, deleted ones included (marked), in the order they were created. */
  @Transactional(readOnly = true)
  @Override
  public List<FileDocumentView> documentsOf(Long studentId) {
    return documents.findWithVersionsByStudentId(studentId).stream()
        .map(Views::fileDocument)
        .toList();
  }

  /** The student whose file holds the document; 404 when there is no such document. */
  @Transactional(readOnly = true)
  @Override
  public Long studentOf(Long documentId) {
    return load(documentId).getStudentId();
  }

  @Transactional
  @Override
  public FileDocumentView editInfo(
      Long documentId, Long basedOnVersion, DocumentInfo info, String actor) {
    Document document = loadCurrent(documentId, basedOnVersion);
    String description = DocumentTexts.optional(info.description(), DocumentTexts.DESCRIPTION);
    if (description == null && document.getSource() == DocumentSource.OFFICE_AUTOMATION) {
      throw ParvandehException.badRequest(
          "description-required",
          "شرح نامه اداری نمی‌تواند خالی باشد؛ نام مدرک باید در شرح بیاید.",
          "An office-automation letter's description cannot be empty; it names the document.");
    }
    String letterNumber = DocumentTexts.optional(info.letterNumber(), DocumentTexts.LETTER_NUMBER);
    String letterDate = LetterDates.normalize(info.letterDate());
    List<String> changes = new ArrayList<>();
    change(changes, "description", document.getDescription(), description);
    change(changes, "letterNumber", document.getLetterNumber(), letterNumber);
    change(changes, "letterDate", document.getLetterDate(), letterDate);
    if (changes.isEmpty()) {
      return Views.fileDocument(document);
    }
    document.editInfo(description, letterNumber, letterDate);
    documents.flush();
    audit.change(
        actor,
        AuditAction.DOCUMENT_EDITED,
        document.getStudentId(),
        documentId,
        String.join("; ", changes));
    return Views.fileDocument(document);
  }

  /** New content for the document: the next version; earlier versions stay as they were. */
  @Transactional
  @Override
  public FileDocumentView addVersion(
      Long documentId, Long basedOnVersion, Upload upload, String actor) {
    Document document = loadCurrent(documentId, basedOnVersion);
    List<DocumentIntake.Staged> staged = intake.stage(List.of(upload));
    intake.commit(staged);
    intake.addVersion(
        document, staged.get(0).stored(), upload.fileName(), actor, Instant.now(clock), null, null);
    // A new version lives in another table: bump the document's row version so stale edits are
    // refused.
    entityManager.lock(document, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    documents.flush();
    return Views.fileDocument(document);
  }

  /**
   * Soft delete so the document can be corrected: needs a reason; the versions and bytes are kept.
   */
  @Transactional
  @Override
  public FileDocumentView deleteForCorrection(
      Long documentId, Long basedOnVersion, String reason, String actor) {
    String why =
        DocumentTexts.required(
            reason,
            DocumentTexts.DELETION_REASON,
            "reason-required",
            "برای حذف مدرک، دلیل آن را بنویسید.",
            "Deleting a document for correction needs a reason.");
    Document document = loadCurrent(documentId, basedOnVersion);
    if (document.isDeleted()) {
      throw ParvandehException.conflict(
          "already-deleted", "این مدرک پیش‌تر حذف شده است.", "This document is already deleted.");
    }
    document.deleteForCorrection(why, actor, Instant.now(clock));
    documents.flush();
    audit.change(
        actor,
        AuditAction.DOCUMENT_DELETED_FOR_CORRECTION,
        document.getStudentId(),
        documentId,
        document.getType().getCode() + ": deleted: no → yes; reason «" + why + "»");
    return Views.fileDocument(document);
  }

  @Transactional
  @Override
  public FileDocumentView restore(Long documentId, Long basedOnVersion, String actor) {
    Document document = loadCurrent(documentId, basedOnVersion);
    if (!document.isDeleted()) {
      throw ParvandehException.conflict(
          "not-deleted", "این مدرک حذف نشده است.", "This document is not deleted.");
    }
    String reason = document.getDeletionReason();
    document.restore();
    documents.flush();
    audit.change(
        actor,
        AuditAction.DOCUMENT_RESTORED,
        document.getStudentId(),
        documentId,
        document.getType().getCode()
            + ": deleted: yes → no (had been deleted because «"
            + reason
            + "»)");
    return Views.fileDocument(document);
  }

  private Document load(Long documentId) {
    return documents
        .findById(documentId)
        .orElseThrow(
            () ->
                ParvandehException.notFound(
                    "document-not-found", "این مدرک پیدا نشد.", "No such document."));
  }

  private Document loadCurrent(Long documentId, Long basedOnVersion) {
    Document document = load(documentId);
    if (basedOnVersion == null) {
      throw ParvandehException.badRequest(
          "row-version-required",
          "نسخه‌ای از مدرک که ویرایش کرده‌اید (rowVersion) فرستاده نشده است.",
          "Send the rowVersion of the document you edited.");
    }
    if (basedOnVersion != document.getRowVersion()) {
      throw ParvandehException.conflict(
          "version-conflict",
          "هم‌زمان کاربر دیگری این مدرک را تغییر داده است؛ صفحه را تازه کنید و دوباره تلاش کنید.",
          "Someone else changed this document meanwhile; reload and try again.");
    }
    return document;
  }

  private static void change(List<String> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(
          field
              + ": «"
              + (before == null ? "" : before)
              + "» → «"
              + (after == null ? "" : after)
              + "»");
    }
  }
}
