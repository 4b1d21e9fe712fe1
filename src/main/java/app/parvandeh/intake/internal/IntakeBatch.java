package app.parvandeh.intake.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One exam-card / report-card archive and, once done or refused, its summary. */
@Entity
@Table(name = "intake_batch")
class IntakeBatch {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  @Enumerated(EnumType.STRING)
  private BatchStatus status;

  @Column(name = "entry_count")
  private int entryCount;

  @Column(name = "reason_fa")
  private String reasonFa;

  @Column(name = "reason_en")
  private String reasonEn;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** The watched-folder claim it was picked up from (unique), or null for an uploaded archive. */
  @Column(name = "source_key")
  private String sourceKey;

  protected IntakeBatch() {}

  public IntakeBatch(String fileName, String uploadedBy, Instant uploadedAt, int entryCount) {
    this.fileName = fileName;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.entryCount = entryCount;
    this.status = BatchStatus.QUEUED;
  }

  /** Marks the batch as picked up from the watched folder under {@code key}. */
  public IntakeBatch from(String key) {
    this.sourceKey = key;
    return this;
  }

  /** A hostile archive: refused whole, with why. */
  public void refuse(String reasonFa, String reasonEn, Instant now) {
    this.status = BatchStatus.REFUSED;
    this.reasonFa = reasonFa;
    this.reasonEn = reasonEn;
    this.finishedAt = now;
  }

  void start() {
    status = BatchStatus.RUNNING;
  }

  void finish(Instant now) {
    status = BatchStatus.DONE;
    finishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getFileName() {
    return fileName;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public BatchStatus getStatus() {
    return status;
  }

  public int getEntryCount() {
    return entryCount;
  }

  public String getReasonFa() {
    return reasonFa;
  }

  public String getReasonEn() {
    return reasonEn;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getSourceKey() {
    return sourceKey;
  }
}
