package app.parvandeh.audit.internal;

import app.parvandeh.audit.AuditAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail. Immutable: Hibernate never updates it, and no code path deletes it.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String actor;

  @Enumerated(EnumType.STRING)
  private AuditAction action;

  @Column(name = "student_id")
  private Long studentId;

  @Column(name = "document_id")
  private Long documentId;

  /** What changed, e.g. {@code description: «…» → «…»}, or what was looked at. */
  private String details;

  @Column(name = "remote_address")
  private String remoteAddress;

  protected AuditEntry() {}

  AuditEntry(
      Instant occurredAt,
      String actor,
      AuditAction action,
      Long studentId,
      Long documentId,
      String details,
      String remoteAddress) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.studentId = studentId;
    this.documentId = documentId;
    this.details = details;
    this.remoteAddress = remoteAddress;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public Long getStudentId() {
    return studentId;
  }

  public Long getDocumentId() {
    return documentId;
  }

  public String getDetails() {
    return details;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }
}
