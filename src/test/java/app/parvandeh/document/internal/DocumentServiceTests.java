package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.audit.internal.AuditSlice;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.ContentStore;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.Requirement;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewOutcome;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.document.StagedContent;
import app.parvandeh.document.Supplier;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.ClockConfiguration;
import app.parvandeh.shared.ClusterLeases;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.internal.StudentModuleSlice;
import app.parvandeh.support.TestStudents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The document module on its own tables (JPA slice with Flyway, no engine). */
@Tag("database") // also run on PostgreSQL (postgres-suite in pom.xml)
@DataJpaTest(showSql = false)
@Import({
  JpaDocumentService.class,
  DocumentIntake.class,
  DocumentConfiguration.class,
  ContentTypes.class,
  UnreferencedContentSweeper.class,
  StudentModuleSlice.class,
  ClockConfiguration.class,
  AuditSlice.class,
  ClusterLeases.class
})
@TestPropertySource(
    properties = {
      "parvandeh.documents.store-dir=${java.io.tmpdir}/parvandeh-slice-${random.uuid}",
      "parvandeh.documents.max-file-size=64KB",
      // on PostgreSQL, apart from the shared context's schema and its demo data (see
      // PostgresTestDatabase)
      "parvandeh.test.database-schema=parvandeh_document_slice"
    })
class DocumentServiceTests {

  @Autowired DocumentService documents;
  @Autowired StudentService students;
  @Autowired DocumentProperties properties;
  @Autowired UnreferencedContentSweeper sweeper;

  Long studentId;

  @BeforeEach
  void studentWithChecklist() {
    students.registerFaculty("engineering", "دانشکده فنی و مهندسی", "Engineering");
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1399, false), "admission-office");
    studentId = student.id();
    documents.recordRequirements(
        studentId,
        List.of(
            new Requirement("PHOTO", Supplier.STUDENT),
            new Requirement("BIRTH_CERTIFICATE", Supplier.STUDENT),
            new Requirement("EXAM_CARD", Supplier.BATCH)));
  }

  @Test
  void recordingTheChecklistTwiceUpdatesInsteadOfDuplicating() {
    documents.recordRequirements(
        studentId, List.of(new Requirement("EXAM_CARD", Supplier.STUDENT)));
    assertThat(documents.checklist(studentId))
        .extracting(r -> r.typeCode() + ":" + r.supplier())
        .containsExactly("PHOTO:STUDENT", "BIRTH_CERTIFICATE:STUDENT", "EXAM_CARD:STUDENT");
  }

  @Test
  void aChecklistNamingATypeTheCatalogueLacksChangesNoRowOfIt() {
    assertThatThrownBy(
            () ->
                documents.recordRequirements(
                    studentId,
                    List.of(
                        new Requirement("EXAM_CARD", Supplier.STUDENT),
                        new Requirement("NATIONAL_ID_CARD", Supplier.STUDENT),
                        new Requirement("NO_SUCH_TYPE", Supplier.STUDENT))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NO_SUCH_TYPE");
    assertThat(documents.checklist(studentId))
        .extracting(r -> r.typeCode() + ":" + r.supplier())
        .containsExactly("PHOTO:STUDENT", "BIRTH_CERTIFICATE:STUDENT", "EXAM_CARD:BATCH");
  }

  @Test
  void aNewUploadOfTheSameTypeBecomesTheNextVersion() {
    upload("PHOTO", "a.jpg", DemoFiles.jpeg());
    List<DocumentView> second = upload("PHOTO", "b.png", DemoFiles.png());
    assertThat(second).hasSize(1);
    assertThat(second.get(0).current().versionNo()).isEqualTo(2);
    assertThat(second.get(0).current().mediaType()).isEqualTo("image/png");
    assertThat(second.get(0).previous())
        .extracting(DocumentViews.VersionView::fileName)
        .containsExactly("a.jpg");
  }

  @Test
  void missingForReviewListsAbsentAndRejectedStudentDocumentsOnly() {
    assertThat(documents.missingForReview(studentId)).containsExactly("عکس پرسنلی", "شناسنامه");
    DocumentView photo = upload("PHOTO", "a.jpg", DemoFiles.jpeg()).get(0);
    upload("BIRTH_CERTIFICATE", "b.pdf", DemoFiles.pdf("b"));
    assertThat(documents.missingForReview(studentId)).isEmpty();
    documents.review(
        studentId, photo.id(), ReviewStage.FACULTY, ReviewDecision.REJECTED, "تار", "clerk", "t1");
    assertThat(documents.missingForReview(studentId)).containsExactly("عکس پرسنلی");
  }

  @Test
  void theOutcomeOfAStageFollowsItsDecisionsOnCurrentVersions() {
    DocumentView photo = upload("PHOTO", "a.jpg", DemoFiles.jpeg()).get(0);
    DocumentView birth = upload("BIRTH_CERTIFICATE", "b.pdf", DemoFiles.pdf("b")).get(0);
    assertThat(documents.outcome(studentId, ReviewStage.FACULTY))
        .isEqualTo(ReviewOutcome.INCOMPLETE);
    documents.review(
        studentId, photo.id(), ReviewStage.FACULTY, ReviewDecision.ACCEPTED, null, "clerk", "t1");
    documents.review(
        studentId,
        birth.id(),
        ReviewStage.FACULTY,
        ReviewDecision.REJECTED,
        "ناخوانا",
        "clerk",
        "t1");
    assertThat(documents.outcome(studentId, ReviewStage.FACULTY))
        .isEqualTo(ReviewOutcome.SOME_REJECTED);
    assertThat(documents.outcome(studentId, ReviewStage.CENTRAL))
        .isEqualTo(ReviewOutcome.INCOMPLETE);

    upload("BIRTH_CERTIFICATE", "b2.pdf", DemoFiles.pdf("b2"));
    assertThat(documents.outcome(studentId, ReviewStage.FACULTY))
        .isEqualTo(ReviewOutcome.INCOMPLETE);
    documents.review(
        studentId, birth.id(), ReviewStage.FACULTY, ReviewDecision.ACCEPTED, null, "clerk", "t2");
    assertThat(documents.outcome(studentId, ReviewStage.FACULTY))
        .isEqualTo(ReviewOutcome.ALL_ACCEPTED);
  }

  @Test
  void aRejectionWithoutAReasonIsRefused() {
    DocumentView photo = upload("PHOTO", "a.jpg", DemoFiles.jpeg()).get(0);
    assertThatThrownBy(
            () ->
                documents.review(
                    studentId,
                    photo.id(),
                    ReviewStage.FACULTY,
                    ReviewDecision.REJECTED,
                    "  ",
                    "clerk",
                    "t1"))
        .isInstanceOf(ParvandehException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void anAcceptedDocumentIsNotReplacedByTheStudent() {
    DocumentView photo = upload("PHOTO", "a.jpg", DemoFiles.jpeg()).get(0);
    documents.review(
        studentId, photo.id(), ReviewStage.FACULTY, ReviewDecision.ACCEPTED, null, "clerk", "t1");
    assertThatThrownBy(() -> upload("PHOTO", "b.jpg", DemoFiles.jpeg()))
        .isInstanceOf(ParvandehException.class)
        .extracting("status")
        .isEqualTo(409);
  }

  @Test
  void contentOverTheLimitIsRefusedWith413AndLeavesNoFile() throws IOException {
    long before = storedFiles();
    byte[] big = new byte[(int) properties.maxFileSize().toBytes() + 10];
    assertThatThrownBy(() -> upload("PHOTO", "big.jpg", big))
        .isInstanceOf(ParvandehException.class)
        .extracting("status")
        .isEqualTo(413);
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void theSweeperRemovesOnlyContentThatNoVersionReferences() throws IOException {
    // Blobs that earlier tests' rolled-back transactions left behind are orphans too: sweep them
    // first.
    sweeper.sweep(Instant.now().plusSeconds(60));
    DocumentView kept = upload("PHOTO", "a.jpg", DemoFiles.jpeg()).get(0);
    ContentStore store = new FileSystemContentStore(properties.storeDir());
    StagedContent orphan =
        store.stage(new ByteArrayInputStream("orphan".getBytes(StandardCharsets.UTF_8)), 100);
    store.commit(orphan);
    assertThat(sweeper.sweep(Instant.now().plusSeconds(60))).isEqualTo(1);
    assertThat(store.contains(orphan.sha256())).isFalse();
    assertThat(store.contains(documents.content(kept.current().id()).sha256())).isTrue();
  }

  private List<DocumentView> upload(String type, String name, byte[] bytes) {
    return documents.uploadAdmissionDocuments(
        studentId,
        List.of(new Upload(type, name, () -> new ByteArrayInputStream(bytes))),
        "student");
  }

  private long storedFiles() throws IOException {
    Path root = properties.storeDir();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
