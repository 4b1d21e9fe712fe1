package app.parvandeh.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * Read models of documents, as the portal, the review form and the file page show them. Versions
 * carry their id; the web layer adds the links to their content and preview.
 */
public final class DocumentViews {

  /** The one media type that has page previews. */
  public static final String PDF = "application/pdf";

  private DocumentViews() {}

  public record ReviewView(
      ReviewDecision decision,
      String reason,
      String reviewer,
      Instant reviewedAt,
      String reviewedAtJalali) {}

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

    /** Only a PDF has page images to preview (the web layer links them). */
    @JsonIgnore
    public boolean previewable() {
      return PDF.equals(mediaType);
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
      List<VersionView> previous) {}

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
