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

/** One uploaded cohort list; its rows are {@link CohortRow}s. */
@Entity
@Table(name = "cohort_import")
class CohortImport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "file_sha256")
  private String fileSha256;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  @Enumerated(EnumType.STRING)
  private ImportStatus status;

  private int total;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected CohortImport() {}

  public CohortImport(
      String fileName, String fileSha256, String uploadedBy, Instant uploadedAt, int total) {
    this.fileName = fileName;
    this.fileSha256 = fileSha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
    this.total = total;
    this.status = ImportStatus.QUEUED;
  }

  void start() {
    status = ImportStatus.RUNNING;
  }

  void finish(Instant now) {
    status = ImportStatus.DONE;
    finishedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getFileName() {
    return fileName;
  }

  public String getFileSha256() {
    return fileSha256;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public ImportStatus getStatus() {
    return status;
  }

  public int getTotal() {
    return total;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
