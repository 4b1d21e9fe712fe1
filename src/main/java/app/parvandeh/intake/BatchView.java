package app.parvandeh.intake;

import java.time.Instant;
import java.util.List;

/** A card batch: its status (and why it was refused), counts per outcome and every entry. */
public record BatchView(
    Long id,
    String fileName,
    String uploadedBy,
    Instant uploadedAt,
    String status,
    String reasonFa,
    String reasonEn,
    int entryCount,
    long done,
    long attached,
    long duplicate,
    long unmatched,
    long refused,
    long ignored,
    Instant finishedAt,
    List<Entry> entries) {

  /**
   * One archive entry; an unmatched one shows what the clerk decided (ASSIGNED, DISCARDED) once
   * they did.
   */
  public record Entry(
      Long id,
      int entryNo,
      String name,
      String outcome,
      String studentNumber,
      String typeCode,
      String reasonFa,
      String reasonEn,
      String resolution,
      String resolutionReason,
      String resolvedBy) {}
}
