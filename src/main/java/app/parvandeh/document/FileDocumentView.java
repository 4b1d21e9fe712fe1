package app.parvandeh.document;

import app.parvandeh.document.DocumentViews.VersionView;
import java.time.Instant;
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
    List<VersionView> versions) {}
