package app.parvandeh.document;

import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.PersianText;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A document as the file page shows it: what it is, its letter details, every version newest first,
 * the row version an edit must send back (optimistic locking), and, when deleted for correction,
 * who deleted it, when and why.
 */
public record FileDocumentView(
    Long id,
    String typeCode,
    String typeName,
    String stage,
    DocumentStatus status,
    String statusLabel,
    String source,
    String description,
    String letterNumber,
    String letterDate,
    String letterDateFa,
    long rowVersion,
    String createdBy,
    Instant createdAt,
    String createdAtJalali,
    boolean deleted,
    String deletedBy,
    String deletedAtJalali,
    String deletionReason,
    VersionView current,
    List<VersionView> versions) {

  static FileDocumentView of(Document d) {
    List<VersionView> newestFirst =
        d.getVersions().stream()
            .sorted(Comparator.comparingInt(DocumentVersion::getVersionNo).reversed())
            .map(VersionView::of)
            .toList();
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

  /** The JSON keeps the stored strings (and null for none), as before the enums. */
  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
