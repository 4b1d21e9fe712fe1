package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.DocumentViews.ReviewView;
import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.PersianText;
import java.util.Comparator;
import java.util.List;

/** The module's entities as the read models its facades hand out (entities never leave it). */
final class Views {

  private Views() {}

  static ReviewView review(DocumentReview review) {
    return new ReviewView(
        review.getDecision(),
        review.getReason(),
        review.getReviewer(),
        review.getReviewedAt(),
        JalaliDates.dateTime(review.getReviewedAt()));
  }

  static VersionView version(DocumentVersion v) {
    return new VersionView(
        v.getId(),
        v.getVersionNo(),
        v.getFileName(),
        v.getMediaType(),
        v.getSizeBytes(),
        v.getUploadedAt(),
        JalaliDates.dateTime(v.getUploadedAt()),
        v.getUploadedBy(),
        v.reviewOf(ReviewStage.FACULTY).map(Views::review).orElse(null),
        v.reviewOf(ReviewStage.CENTRAL).map(Views::review).orElse(null));
  }

  static DocumentView document(Document d) {
    List<VersionView> newestFirst = newestFirst(d);
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

  static FileDocumentView fileDocument(Document d) {
    List<VersionView> newestFirst = newestFirst(d);
    return new FileDocumentView(
        d.getId(),
        d.getType().getCode(),
        d.getType().getNameFa(),
        nameOf(d.getStage()),
        d.getStatus(),
        d.getStatus().labelFa(),
        nameOf(d.getSource()),
        d.getDescription(),
        d.getLetterNumber(),
        d.getLetterDate(),
        d.getLetterDate() == null ? null : PersianText.toPersianDigits(d.getLetterDate()),
        d.getRowVersion(),
        d.getCreatedBy(),
        d.getCreatedAt(),
        JalaliDates.dateTime(d.getCreatedAt()),
        d.isDeleted(),
        d.getDeletedBy(),
        JalaliDates.dateTime(d.getDeletedAt()),
        d.getDeletionReason(),
        newestFirst.isEmpty() ? null : newestFirst.get(0),
        newestFirst);
  }

  private static List<VersionView> newestFirst(Document d) {
    return d.getVersions().stream()
        .sorted(Comparator.comparingInt(DocumentVersion::getVersionNo).reversed())
        .map(Views::version)
        .toList();
  }

  /** The JSON keeps the stored strings (and null for none), as before the enums. */
  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
