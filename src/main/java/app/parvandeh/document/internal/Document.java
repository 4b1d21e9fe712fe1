package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentStatus;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.FileStage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A document in a student's file; its content lives in versions, the newest being current. */
@Entity
@Table(name = "document")
class Document {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "student_id")
  private Long studentId;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "type_code")
  private DocumentType type;

  @Enumerated(EnumType.STRING)
  private FileStage stage;

  @Enumerated(EnumType.STRING)
  private DocumentStatus status;

  private String description;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @OrderBy("versionNo ASC")
  private List<DocumentVersion> versions = new ArrayList<>();

  @Version
  @Column(name = "row_version")
  private long rowVersion;

  /** OFFICE_AUTOMATION for a letter (18090); null for admission uploads. */
  @Enumerated(EnumType.STRING)
  private DocumentSource source;

  @Column(name = "letter_number")
  private String letterNumber;

  /** Solar Hijri, yyyy/mm/dd with ASCII digits. */
  @Column(name = "letter_date")
  private String letterDate;

  @Column(name = "search_text")
  private String searchText;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "deleted_by")
  private String deletedBy;

  @Column(name = "deletion_reason")
  private String deletionReason;

  protected Document() {}

  Document(Long studentId, DocumentType type, String description, String actor, Instant now) {
    this.studentId = studentId;
    this.type = type;
    this.stage = type.getStage();
    this.status = DocumentStatus.SUBMITTED;
    this.description = description;
    this.createdAt = now;
    this.createdBy = actor;
    refreshSearchText();
  }

  /** A letter issued during study in office automation, with its number and date. */
  static Document officeLetter(
      Long studentId,
      DocumentType type,
      String description,
      String letterNumber,
      String letterDate,
      String actor,
      Instant now) {
    Document document = new Document(studentId, type, description, actor, now);
    document.source = DocumentSource.OFFICE_AUTOMATION;
    document.letterNumber = letterNumber;
    document.letterDate = letterDate;
    document.refreshSearchText();
    return document;
  }

  /** Changes the describing information; the caller records old and new in the audit trail. */
  void editInfo(String description, String letterNumber, String letterDate) {
    this.description = description;
    this.letterNumber = letterNumber;
    this.letterDate = letterDate;
    refreshSearchText();
  }

  void deleteForCorrection(String reason, String actor, Instant now) {
    this.deletedAt = now;
    this.deletedBy = actor;
    this.deletionReason = reason;
  }

  void restore() {
    this.deletedAt = null;
    this.deletedBy = null;
    this.deletionReason = null;
  }

  /**
   * Type names, description and letter number folded by PersianText, so any spelling finds the
   * document.
   */
  void refreshSearchText() {
    this.searchText =
        String.join(
            "|",
            Stream.of(type.getCode(), type.getNameFa(), type.getNameEn(), description, letterNumber)
                .filter(Objects::nonNull)
                .map(PersianText::compact)
                .toList());
  }

  /**
   * Adds new content as the next version; earlier versions (and their reviews) stay as they were.
   */
  DocumentVersion addVersion(StoredContent content, String fileName, String actor, Instant now) {
    DocumentVersion version =
        new DocumentVersion(this, versions.size() + 1, content, fileName, actor, now);
    versions.add(version);
    status =
        source == DocumentSource.OFFICE_AUTOMATION
            ? DocumentStatus.RECORDED
            : DocumentStatus.SUBMITTED;
    return version;
  }

  void markReviewed(ReviewDecision decision) {
    status =
        decision == ReviewDecision.ACCEPTED ? DocumentStatus.ACCEPTED : DocumentStatus.REJECTED;
  }

  DocumentVersion current() {
    return versions.get(versions.size() - 1);
  }

  public Long getId() {
    return id;
  }

  public Long getStudentId() {
    return studentId;
  }

  public DocumentType getType() {
    return type;
  }

  public FileStage getStage() {
    return stage;
  }

  public DocumentStatus getStatus() {
    return status;
  }

  public String getDescription() {
    return description;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public List<DocumentVersion> getVersions() {
    return versions;
  }

  public long getRowVersion() {
    return rowVersion;
  }

  public DocumentSource getSource() {
    return source;
  }

  public String getLetterNumber() {
    return letterNumber;
  }

  public String getLetterDate() {
    return letterDate;
  }

  public String getSearchText() {
    return searchText;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public String getDeletedBy() {
    return deletedBy;
  }

  public String getDeletionReason() {
    return deletionReason;
  }
}
