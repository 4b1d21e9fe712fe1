package app.parvandeh.document.internal;

import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
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
import jakarta.persistence.Table;
import java.time.Instant;

/** A reviewer's decision on one version at one stage. */
@Entity
@Table(name = "document_review")
class DocumentReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "version_id")
  private DocumentVersion version;

  @Enumerated(EnumType.STRING)
  private ReviewStage stage;

  @Enumerated(EnumType.STRING)
  private ReviewDecision decision;

  private String reason;

  private String reviewer;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "task_id")
  private String taskId;

  protected DocumentReview() {}

  DocumentReview(
      DocumentVersion version,
      ReviewStage stage,
      ReviewDecision decision,
      String reason,
      String reviewer,
      String taskId,
      Instant now) {
    this.version = version;
    this.stage = stage;
    change(decision, reason, reviewer, taskId, now);
  }

  final void change(
      ReviewDecision decision, String reason, String reviewer, String taskId, Instant now) {
    this.decision = decision;
    this.reason = reason;
    this.reviewer = reviewer;
    this.taskId = taskId;
    this.reviewedAt = now;
  }

  public ReviewStage getStage() {
    return stage;
  }

  public ReviewDecision getDecision() {
    return decision;
  }

  public String getReason() {
    return reason;
  }

  public String getReviewer() {
    return reviewer;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public String getTaskId() {
    return taskId;
  }
}
