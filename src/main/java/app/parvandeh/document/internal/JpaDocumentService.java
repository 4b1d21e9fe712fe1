package app.parvandeh.document.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentStatus;
import app.parvandeh.document.DocumentViews.ContentView;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.DocumentViews.RequirementView;
import app.parvandeh.document.Requirement;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewOutcome;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.document.StoredVersion;
import app.parvandeh.document.Supplier;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FileStage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The DocumentService facade over the module's repositories. */
@Service
class JpaDocumentService implements DocumentService {

  private final DocumentRepository documents;
  private final DocumentVersionRepository versions;
  private final DocumentTypeRepository types;
  private final RequiredDocumentRepository requirements;
  private final ContentStore store;
  private final DocumentIntake intake;
  private final DocumentProperties properties;
  private final Clock clock;
  private final AuditLog audit;

  JpaDocumentService(
      DocumentRepository documents,
      DocumentVersionRepository versions,
      DocumentTypeRepository types,
      RequiredDocumentRepository requirements,
      ContentStore store,
      DocumentIntake intake,
      DocumentProperties properties,
      Clock clock,
      AuditLog audit) {
    this.documents = documents;
    this.versions = versions;
    this.types = types;
    this.requirements = requirements;
    this.store = store;
    this.intake = intake;
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Records the checklist the RequiredDocuments decision produced; running it again updates, never
   * duplicates.
   */
  @Transactional
  @Override
  public void recordRequirements(Long studentId, List<Requirement> decided) {
    Map<String, RequiredDocument> existing =
        requirements.findByStudentIdOrderByTypeSortOrder(studentId).stream()
            .collect(Collectors.toMap(r -> r.getType().getCode(), Function.identity()));
    // the new rows' types in one query, not one per row
    Map<String, DocumentType> catalogue =
        types
            .findAllById(
                decided.stream()
                    .map(Requirement::typeCode)
                    .filter(code -> !existing.containsKey(code))
                    .collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(DocumentType::getCode, Function.identity()));
    // a type the catalogue lacks refuses the whole checklist before any row changes
    decided.stream()
        .map(Requirement::typeCode)
        .filter(code -> !existing.containsKey(code) && !catalogue.containsKey(code))
        .findFirst()
        .ifPresent(
            code -> {
              throw new IllegalStateException(
                  "RequiredDocuments names document type " + code + ", which the catalogue lacks");
            });
    for (Requirement requirement : decided) {
      RequiredDocument known = existing.get(requirement.typeCode());
      if (known != null) {
        known.changeSupplier(requirement.supplier());
      } else {
        requirements.save(
            new RequiredDocument(
                studentId, catalogue.get(requirement.typeCode()), requirement.supplier()));
      }
    }
  }

  @Transactional(readOnly = true)
  @Override
  public List<RequirementView> checklist(Long studentId) {
    Map<String, Document> admissionDocs = admissionDocuments(studentId);
    return requirements.findByStudentIdOrderByTypeSortOrder(studentId).stream()
        .map(
            r ->
                new RequirementView(
                    r.getType().getCode(),
                    r.getType().getNameFa(),
                    r.getSupplier(),
                    r.getSupplier().labelFa(),
                    Optional.ofNullable(admissionDocs.get(r.getType().getCode()))
                        .map(Views::document)
                        .orElse(null)))
        .toList();
  }

  @Transactional(readOnly = true)
  @Override
  public List<DocumentView> documentsOf(Long studentId) {
    return documents.findWithVersionsByStudentId(studentId).stream().map(Views::document).toList();
  }

  /**
   * Student-supplied types still missing, or rejected and not yet replaced. Empty means ready for
   * review.
   */
  @Transactional(readOnly = true)
  @Override
  public List<String> missingForReview(Long studentId) {
    Map<String, Document> admissionDocs = admissionDocuments(studentId);
    return requirements.findByStudentIdOrderByTypeSortOrder(studentId).stream()
        .filter(r -> r.getSupplier() == Supplier.STUDENT)
        .filter(
            r -> {
              Document d = admissionDocs.get(r.getType().getCode());
              return d == null || d.getStatus() == DocumentStatus.REJECTED;
            })
        .map(r -> r.getType().getNameFa())
        .toList();
  }

  /**
   * Stores a student's admission uploads as new versions. Every file is checked (size, type from
   * its bytes) and its bytes made safe before any row is written; one bad file refuses the whole
   * request and stores nothing.
   */
  @Transactional
  @Override
  public List<DocumentView> uploadAdmissionDocuments(
      Long studentId, List<Upload> uploads, String actor) {
    if (uploads.isEmpty()) {
      throw ParvandehException.badRequest(
          "no-files", "هیچ فایلی انتخاب نشده است.", "No file was sent.");
    }
    // Bytes are received and checked before the lock, so a slow upload never holds other uploads
    // up.
    List<DocumentIntake.Staged> staged = intake.stage(uploads);
    Map<String, RequiredDocument> checklist;
    Map<String, Document> existing;
    try {
      requirements.lockChecklistOf(studentId);
      checklist =
          requirements.findByStudentIdOrderByTypeSortOrder(studentId).stream()
              .collect(Collectors.toMap(r -> r.getType().getCode(), Function.identity()));
      existing = admissionDocuments(studentId);
      checkUploadable(uploads, checklist, existing);
    } catch (RuntimeException e) {
      // Nothing was committed to the store yet: a refused or timed-out upload leaves no bytes
      // behind.
      intake.discard(staged);
      throw e;
    }
    // Past this point a failure (a rare database error at flush) can leave committed bytes nothing
    // points at; they
    // are not deleted here, since identical bytes may just have been committed for another upload,
    // so the
    // UnreferencedContentSweeper removes them after its grace period.
    intake.commit(staged);
    Instant now = Instant.now(clock);
    List<Document> touched = new ArrayList<>();
    for (DocumentIntake.Staged s : staged) {
      Document document =
          existing.computeIfAbsent(
              s.upload().typeCode(),
              code ->
                  documents.save(
                      new Document(studentId, checklist.get(code).getType(), null, actor, now)));
      intake.addVersion(document, s.stored(), s.upload().fileName(), actor, now, null, null);
      if (!touched.contains(document)) {
        touched.add(document);
      }
    }
    documents.flush();
    return touched.stream().map(Views::document).toList();
  }

  private static void checkUploadable(
      List<Upload> uploads,
      Map<String, RequiredDocument> checklist,
      Map<String, Document> existing) {
    for (Upload upload : uploads) {
      RequiredDocument required = checklist.get(upload.typeCode());
      if (required == null || required.getSupplier() != Supplier.STUDENT) {
        throw ParvandehException.badRequest(
            "not-student-supplied",
            "این مدرک در فهرست مدارکی که شما بارگذاری می‌کنید نیست: " + upload.typeCode(),
            "This document type is not one you upload: " + upload.typeCode());
      }
      Document document = existing.get(upload.typeCode());
      if (document != null && document.getStatus() == DocumentStatus.ACCEPTED) {
        throw ParvandehException.conflict(
            "already-accepted",
            "مدرک «" + document.getType().getNameFa() + "» تأیید شده است و جایگزین نمی‌شود.",
            "The document '"
                + document.getType().getNameEn()
                + "' is accepted and cannot be replaced.");
      }
    }
  }

  /** Records one stage's decision on a document's current version; a rejection needs a reason. */
  @Transactional
  @Override
  public DocumentView review(
      Long studentId,
      Long documentId,
      ReviewStage stage,
      ReviewDecision decision,
      String reason,
      String reviewer,
      String taskId) {
    Document document =
        documents
            .findById(documentId)
            .filter(d -> d.getStudentId().equals(studentId))
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "document-not-found",
                        "این مدرک در پرونده این دانشجو نیست.",
                        "This document is not in this student's file."));
    String trimmed = DocumentTexts.optional(reason, DocumentTexts.REVIEW_REASON);
    if (decision == ReviewDecision.REJECTED && trimmed == null) {
      throw ParvandehException.badRequest(
          "reason-required", "برای رد مدرک، دلیل آن را بنویسید.", "A rejection needs a reason.");
    }
    document.current().review(stage, decision, trimmed, reviewer, taskId, Instant.now(clock));
    document.markReviewed(decision);
    documents.flush();
    audit.change(
        reviewer,
        AuditAction.DOCUMENT_REVIEWED,
        studentId,
        documentId,
        stage
            + " "
            + decision
            + " v"
            + document.current().getVersionNo()
            + (trimmed == null ? "" : ": " + trimmed));
    return Views.document(document);
  }

  /** How a review stage ended over every uploaded admission document's current version. */
  @Transactional(readOnly = true)
  @Override
  public ReviewOutcome outcome(Long studentId, ReviewStage stage) {
    boolean rejected = false;
    for (Document document : admissionDocuments(studentId).values()) {
      Optional<DocumentReview> review = document.current().reviewOf(stage);
      if (review.isEmpty()) {
        return ReviewOutcome.INCOMPLETE;
      }
      rejected |= review.get().getDecision() == ReviewDecision.REJECTED;
    }
    return rejected ? ReviewOutcome.SOME_REJECTED : ReviewOutcome.ALL_ACCEPTED;
  }

  /**
   * The current versions of every admission document, for the registration-complete note's
   * addresses.
   */
  @Transactional(readOnly = true)
  @Override
  public List<DocumentView> admissionDocumentsOf(Long studentId) {
    return admissionDocuments(studentId).values().stream().map(Views::document).toList();
  }

  @Transactional(readOnly = true)
  @Override
  public ContentView content(Long versionId) {
    DocumentVersion v =
        versions
            .findById(versionId)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "version-not-found",
                        "این نسخه از مدرک پیدا نشد.",
                        "No such document version."));
    return new ContentView(
        v.getDocument().getStudentId(),
        v.getDocument().getId(),
        v.getFileName(),
        v.getMediaType(),
        v.getSizeBytes(),
        v.getContentSha256());
  }

  @Override
  public InputStream open(ContentView content) throws IOException {
    return store.open(content.sha256());
  }

  private Map<String, Document> admissionDocuments(Long studentId) {
    return documents.findWithVersionsByStudentId(studentId).stream()
        .filter(d -> d.getStage() == FileStage.ADMISSION && !d.isDeleted())
        .collect(
            Collectors.toMap(
                d -> d.getType().getCode(),
                Function.identity(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  @Override
  public UploadLimits uploadLimits() {
    return new UploadLimits(
        properties.maxFileSize().toBytes(), ContentTypes.MEDIA_TYPES, ContentTypes.EXTENSIONS);
  }

  /** Whether the document version exists and belongs to this student's file. */
  @Transactional(readOnly = true)
  @Override
  public boolean versionBelongsTo(Long studentId, Long versionId) {
    return versions
        .findById(versionId)
        .map(v -> v.getDocument().getStudentId().equals(studentId))
        .orElse(false);
  }

  /** The versions among these ids that still exist (report 112 flags the others as unresolved). */
  @Transactional(readOnly = true)
  @Override
  public Map<Long, VersionSummary> versionSummaries(java.util.Collection<Long> versionIds) {
    if (versionIds.isEmpty()) {
      return Map.of();
    }
    // A document deleted for correction no longer backs a note's address: report 112 flags it as
    // unresolved.
    // Columns in one query (not entities, whose documents would load one by one).
    return versions.findSummaries(versionIds).stream()
        .map(
            r ->
                new VersionSummary(
                    (Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (String) r[4]))
        .collect(Collectors.toMap(VersionSummary::versionId, v -> v));
  }

  /**
   * Every version's blob address (of one student's file, or of all when {@code studentId} is null).
   */
  @Transactional(readOnly = true)
  @Override
  public List<StoredVersion> storedVersions(Long studentId) {
    return studentId == null ? versions.findAllStored() : versions.findStoredOfStudent(studentId);
  }

  /**
   * The versions whose bytes are these (usually one; the same bytes uploaded twice are kept once).
   */
  @Transactional(readOnly = true)
  @Override
  public List<StoredVersion> versionsWithContent(String sha256) {
    return versions.findStoredWithContent(sha256);
  }

  /** Whether any version still points at these bytes (the sweeper keeps those). */
  @Transactional(readOnly = true)
  @Override
  public boolean isReferenced(String sha256) {
    return versions.existsByContentSha256(sha256);
  }
}
