package app.parvandeh.document.internal;

import app.parvandeh.document.BatchDocumentAttached;
import app.parvandeh.document.BatchDocuments;
import app.parvandeh.document.Supplier;
import app.parvandeh.document.Upload;
import app.parvandeh.student.FileStage;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The BatchDocuments facade over the module's repositories. */
@Service
class JpaBatchDocuments implements BatchDocuments {

  private final DocumentIntake intake;
  private final DocumentRepository documents;
  private final DocumentVersionRepository versions;
  private final DocumentTypeRepository types;
  private final RequiredDocumentRepository requirements;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JpaBatchDocuments(
      DocumentIntake intake,
      DocumentRepository documents,
      DocumentVersionRepository versions,
      DocumentTypeRepository types,
      RequiredDocumentRepository requirements,
      ApplicationEventPublisher events,
      Clock clock) {
    this.intake = intake;
    this.documents = documents;
    this.versions = versions;
    this.types = types;
    this.requirements = requirements;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The Persian names of the documents this student's checklist says arrive in a batch and that are
   * not in the file yet; empty when none is missing (or the checklist has none, e.g. a
   * brilliant-talent student).
   */
  @Transactional(readOnly = true)
  @Override
  public List<String> missingBatchDocuments(Long studentId) {
    Set<String> present =
        documents.findWithVersionsByStudentId(studentId).stream()
            .filter(d -> d.getStage() == FileStage.ADMISSION && !d.isDeleted())
            .map(d -> d.getType().getCode())
            .collect(java.util.stream.Collectors.toSet());
    return requirements.findByStudentIdOrderByTypeSortOrder(studentId).stream()
        .filter(r -> r.getSupplier() == Supplier.BATCH && !present.contains(r.getType().getCode()))
        .map(r -> r.getType().getNameFa())
        .toList();
  }

  @Transactional(readOnly = true)
  @Override
  public Map<String, String> typeNames() {
    Map<String, String> names = new LinkedHashMap<>();
    types.findAllById(TYPES).stream()
        .sorted(Comparator.comparingInt(DocumentType::getSortOrder))
        .forEach(t -> names.put(t.getCode(), t.getNameFa()));
    return names;
  }

  /**
   * Streams the file into the content store after the upload checks; a refusal is the usual {@link
   * app.parvandeh.shared.ParvandehException} (413, 415, 400) and leaves nothing behind.
   */
  @Override
  public CheckedFile check(String typeCode, String fileName, InputStream content) {
    List<DocumentIntake.Staged> staged =
        intake.stage(List.of(new Upload(typeCode, fileName, () -> content)));
    intake.commit(staged);
    StoredContent stored = staged.get(0).stored();
    return new CheckedFile(fileName, stored.sha256(), stored.sizeBytes(), stored.mediaType());
  }

  /**
   * Checks the file like {@link #check} but keeps nothing: for a file that waits in the unmatched
   * queue.
   */
  @Override
  public String checkOnly(String typeCode, String fileName, InputStream content) {
    List<DocumentIntake.Staged> staged =
        intake.stage(List.of(new Upload(typeCode, fileName, () -> content)));
    intake.discard(staged);
    return staged.get(0).stored().mediaType();
  }

  /**
   * Whether these bytes are already some document's version (a batch never attaches them again).
   */
  @Transactional(readOnly = true)
  @Override
  public boolean alreadyAttached(String sha256) {
    return versions.existsByContentSha256(sha256);
  }

  /**
   * Attaches the checked file as the next version of the student's admission document of that type,
   * in the caller's transaction.
   */
  @Transactional
  @Override
  public Attached attach(Long studentId, String typeCode, CheckedFile file, String actor) {
    DocumentType type =
        types.findById(typeCode).orElseThrow(() -> new IllegalArgumentException(typeCode));
    Instant now = Instant.now(clock);
    Document document =
        documents
            .findFirstByStudentIdAndTypeCodeAndStage(studentId, typeCode, FileStage.ADMISSION)
            .filter(d -> !d.isDeleted())
            .orElseGet(() -> documents.save(new Document(studentId, type, null, actor, now)));
    DocumentVersion version =
        intake.addVersion(
            document,
            new StoredContent(file.sha256(), file.sizeBytes(), file.mediaType()),
            file.fileName(),
            actor,
            now,
            "batch 18090",
            null);
    documents.flush();
    events.publishEvent(new BatchDocumentAttached(studentId, typeCode));
    return new Attached(
        document.getId(), version.getId(), version.getVersionNo(), type.getNameFa());
  }
}
