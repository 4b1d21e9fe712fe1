package app.parvandeh.document.internal;

import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One upload of a document: immutable content reference plus who uploaded it when. */
@Entity
@Table(name = "document_version")
class DocumentVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id")
  private Document document;

  @Column(name = "version_no")
  private int versionNo;

  @Column(name = "content_sha256")
  private String contentSha256;

  @Column(name = "size_bytes")
  private long sizeBytes;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  private List<DocumentReview> reviews = new ArrayList<>();

  protected DocumentVersion() {}

  DocumentVersion(
      Document document,
      int versionNo,
      StoredContent content,
      String fileName,
      String actor,
      Instant now) {
    this.document = document;
    this.versionNo = versionNo;
    this.contentSha256 = content.sha256();
    this.sizeBytes = content.sizeBytes();
    this.mediaType = content.mediaType();
    this.fileName = fileName;
    this.uploadedAt = now;
    this.uploadedBy = actor;
  }

  /** Records (or changes, while the task is open) this stage's decision on the version. */
  void review(
      ReviewStage stage,
      ReviewDecision decision,
      String reason,
      String reviewer,
      String taskId,
      Instant now) {
    Optional<DocumentReview> existing = reviewOf(stage);
    if (existing.isPresent()) {
      existing.get().change(decision, reason, reviewer, taskId, now);
    } else {
      reviews.add(new DocumentReview(this, stage, decision, reason, reviewer, taskId, now));
    }
  }

  Optional<DocumentReview> reviewOf(ReviewStage stage) {
    return reviews.stream().filter(r -> r.getStage() == stage).findFirst();
  }

  public Long getId() {
    return id;
  }

  public Document getDocument() {
    return document;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getContentSha256() {
    return contentSha256;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getMediaType() {
    return mediaType;
  }

  public String getFileName() {
    return fileName;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public List<DocumentReview> getReviews() {
    return reviews;
  }
}
