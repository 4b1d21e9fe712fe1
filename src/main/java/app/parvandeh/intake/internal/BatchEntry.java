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

/**
 * One entry of an archive with its outcome; an unmatched one is later assigned or discarded by a
 * clerk.
 */
@Entity
@Table(name = "batch_entry")
class BatchEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "batch_id")
  private Long batchId;

  @Column(name = "entry_no")
  private int entryNo;

  private String name;

  @Enumerated(EnumType.STRING)
  private EntryOutcome outcome;

  @Column(name = "student_number")
  private String studentNumber;

  @Column(name = "type_code")
  private String typeCode;

  @Column(name = "reason_fa")
  private String reasonFa;

  @Column(name = "reason_en")
  private String reasonEn;

  @Column(name = "content_sha256")
  private String contentSha256;

  @Column(name = "document_version_id")
  private Long documentVersionId;

  @Enumerated(EnumType.STRING)
  private EntryResolution resolution;

  @Column(name = "resolution_reason")
  private String resolutionReason;

  @Column(name = "resolved_by")
  private String resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected BatchEntry() {}

  public BatchEntry(
      Long batchId,
      int entryNo,
      String name,
      EntryOutcome outcome,
      String studentNumber,
      String typeCode,
      String reasonFa,
      String reasonEn) {
    this.batchId = batchId;
    this.entryNo = entryNo;
    this.name = name.length() > 1000 ? name.substring(0, 1000) : name;
    this.outcome = outcome;
    this.studentNumber = studentNumber;
    this.typeCode = typeCode;
    this.reasonFa = reasonFa;
    this.reasonEn = reasonEn;
  }

  BatchEntry attached(String sha256, Long versionId) {
    this.contentSha256 = sha256;
    this.documentVersionId = versionId;
    return this;
  }

  public void assignTo(
      String studentNumber,
      String typeCode,
      String sha256,
      Long versionId,
      String actor,
      Instant now) {
    this.studentNumber = studentNumber;
    this.typeCode = typeCode;
    this.contentSha256 = sha256;
    this.documentVersionId = versionId;
    this.resolution = EntryResolution.ASSIGNED;
    this.resolvedBy = actor;
    this.resolvedAt = now;
  }

  public void discardFor(String reason, String actor, Instant now) {
    this.resolution = EntryResolution.DISCARDED;
    this.resolutionReason = reason;
    this.resolvedBy = actor;
    this.resolvedAt = now;
  }

  public boolean waitsInQueue() {
    return outcome == EntryOutcome.UNMATCHED && resolution == null;
  }

  public Long getId() {
    return id;
  }

  public Long getBatchId() {
    return batchId;
  }

  public int getEntryNo() {
    return entryNo;
  }

  public String getName() {
    return name;
  }

  public EntryOutcome getOutcome() {
    return outcome;
  }

  public String getStudentNumber() {
    return studentNumber;
  }

  public String getTypeCode() {
    return typeCode;
  }

  public String getReasonFa() {
    return reasonFa;
  }

  public String getReasonEn() {
    return reasonEn;
  }

  public Long getDocumentVersionId() {
    return documentVersionId;
  }

  public EntryResolution getResolution() {
    return resolution;
  }

  public String getResolutionReason() {
    return resolutionReason;
  }

  public String getResolvedBy() {
    return resolvedBy;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }
}
