package app.parvandeh.intake;

import java.time.Instant;
import java.util.List;

/** A cohort import's progress and, for every data row done so far, its outcome and reason. */
public record CohortImportView(
    Long id,
    String fileName,
    String uploadedBy,
    Instant uploadedAt,
    String status,
    int total,
    long done,
    long accepted,
    long updated,
    long unchanged,
    long rejected,
    Instant finishedAt,
    List<Row> rows) {

  /** One data row (1-based, the header not counted); outcome is null while it waits. */
  public record Row(
      int row,
      String studentNumber,
      String outcome,
      String field,
      String reasonFa,
      String reasonEn) {}
}
