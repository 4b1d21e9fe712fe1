package app.parvandeh.document;

import app.parvandeh.shared.JalaliDates;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Read models of documents, as the portal, the review form and the file page show them. Versions
 * carry their id; the web layer adds the links to their content and preview.
 */
public final class DocumentViews {

  private DocumentViews() {}

  public record ReviewView(
      ReviewDecision decision,
      String reason,
      String reviewer,
      Instant reviewedAt,
      String reviewedAtJalali) {

    static ReviewView of(DocumentReview review) {
      return new ReviewView(
          review.getDecision(),
          review.getReason(),
          review.getReviewer(),
          review.getReviewedAt(),
          JalaliDates.dateTime(review.getReviewedAt()));
    }
  }

  public record VersionView(
      Long id,
      int versionNo,
      String fileName,
      String mediaType,
      long sizeBytes,
      Instant uploadedAt,
      String uploadedAtJalali,
      String uploadedBy,
      ReviewView facultyReview,
      ReviewView centralReview) {

    static VersionView of(DocumentVersion v) {
      return new VersionView(
          v.getId(),
          v.getVersionNo(),
          v.getFileName(),
          v.getMediaType(),
          v.getSizeBytes(),
          v.getUploadedAt(),
          JalaliDates.dateTime(v.getUploadedAt()),
          v.getUploadedBy(),
          v.reviewOf(ReviewStage.FACULTY).map(ReviewView::of).orElse(null),
          v.reviewOf(ReviewStage.CENTRAL).map(ReviewView::of).orElse(null));
    }

    /** Only a PDF has page images to preview (the web layer links them). */
    @JsonIgnore
    public boolean previewable() {
      return ContentTypes.PDF.equals(mediaType);
    }
  }

  public record DocumentView(
      Long id,
      String typeCode,
      String typeName,
      DocumentStatus status,
      String statusLabel,
      String description,
      VersionView current,
      List<VersionView> previous) {

    static DocumentView of(Document d) {
      List<VersionView> newestFirst =
          d.getVersions().stream()
              .sorted(Comparator.comparingInt(DocumentVersion::getVersionNo).reversed())
              .map(VersionView::of)
              .toList();
      return new DocumentView(
          d.getId(),
          d.getType().getCode(),
          d.getType().getNameFa(),
          d.getStatus(),
          d.getStatus().labelFa(),
          d.getDescription(),
          newestFirst.get(0),
          newestFirst.subList(1, newestFirst.size()));
    }
  }

  /** A checklist line: what is required, who supplies it, and the document if there is one. */
  public record RequirementView(
      String typeCode,
      String typeName,
      Supplier supplier,
      String supplierLabel,
      DocumentView document) {}

  /** The bytes of one version with what a download needs to name and type them. */
  public record ContentView(
      Long studentId,
      Long documentId,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256) {}
}
