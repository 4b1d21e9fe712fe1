package app.parvandeh.intake.internal;

import app.parvandeh.intake.CohortImportView;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.SpreadsheetCsv;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cohort lists from Golestan: the list is read and every row stored before the answer goes back;
 * the rows are then done in the background, each on its own, and the import can be watched row by
 * row.
 */
@Service
public class CohortImports {

  /** More rows than a faculty's largest cohort list would be: send it in parts. */
  static final int MAX_ROWS = 20_000;

  private final CohortImportRepository imports;
  private final CohortRowRepository rows;
  private final CohortImportRun run;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CohortImports(
      CohortImportRepository imports,
      CohortRowRepository rows,
      CohortImportRun run,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.imports = imports;
    this.rows = rows;
    this.run = run;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The header a cohort list must have (columns in any order; others are ignored). */
  public static List<String> columns() {
    return CohortRowRules.COLUMNS;
  }

  /**
   * Stores the list and its rows and queues the work; a file that is no such list is refused (4xx).
   */
  public CohortImportView start(String fileName, byte[] csv, String actor) {
    CsvTable table =
        CsvTable.read(csv, CohortRowRules.COLUMNS, CohortRowRules.PERSIAN_TITLES, MAX_ROWS);
    if (table.rows().isEmpty()) {
      throw ParvandehException.badRequest(
          "no-rows", "فهرست جز سطر عنوان ردیفی ندارد.", "The list has no rows below its header.");
    }
    Long id =
        transaction.execute(
            status -> {
              CohortImport cohort =
                  imports.save(
                      new CohortImport(
                          fileName == null ? "cohort.csv" : fileName,
                          sha256(csv),
                          actor,
                          Instant.now(clock),
                          table.rows().size()));
              List<CohortRow> all = new ArrayList<>(table.rows().size());
              for (int i = 0; i < table.rows().size(); i++) {
                CohortRow row = new CohortRow(cohort.getId(), i + 1, table.rows().get(i));
                // A row whose cells moved is judged now: its cells are not what the header says.
                Refusal shape = table.shapeRefusal(i);
                if (shape != null) {
                  row.finish(
                      RowOutcome.REJECTED,
                      shape.field(),
                      shape.reasonFa(),
                      shape.reasonEn(),
                      Instant.now(clock));
                }
                all.add(row);
              }
              rows.saveAll(all);
              return cohort.getId();
            });
    run.queue(id);
    return status(id);
  }

  @Transactional(readOnly = true)
  public CohortImportView status(Long id) {
    return status(id, true);
  }

  /**
   * The import's progress; without {@code withRows} only the counts (cheap enough to poll every
   * second).
   */
  @Transactional(readOnly = true)
  public CohortImportView status(Long id, boolean withRows) {
    CohortImport cohort =
        imports
            .findById(id)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "import-not-found", "این ورود فهرست پیدا نشد.", "No such cohort import."));
    Map<RowOutcome, Long> counts = run.counts(id);
    long done = counts.values().stream().mapToLong(Long::longValue).sum();
    List<CohortImportView.Row> lines =
        !withRows
            ? List.of()
            : rows.findByImportIdOrderByRowNo(id).stream()
                .map(
                    r ->
                        new CohortImportView.Row(
                            r.getRowNo(),
                            r.getStudentNumber(),
                            r.getOutcome() == null ? null : r.getOutcome().name(),
                            r.getField(),
                            r.getReasonFa(),
                            r.getReasonEn()))
                .toList();
    return new CohortImportView(
        cohort.getId(),
        cohort.getFileName(),
        cohort.getUploadedBy(),
        cohort.getUploadedAt(),
        cohort.getStatus().name(),
        cohort.getTotal(),
        done,
        counts.get(RowOutcome.ACCEPTED),
        counts.get(RowOutcome.UPDATED),
        counts.get(RowOutcome.UNCHANGED),
        counts.get(RowOutcome.REJECTED),
        cohort.getFinishedAt(),
        lines);
  }

  /** The same as {@link #status}'s rows, as CSV for Excel. */
  public byte[] reportCsv(Long id) {
    List<List<String>> lines =
        status(id).rows().stream()
            .map(
                r ->
                    List.of(
                        String.valueOf(r.row()),
                        text(r.studentNumber()),
                        text(r.outcome()),
                        text(r.field()),
                        text(r.reasonFa()),
                        text(r.reasonEn())))
            .toList();
    return SpreadsheetCsv.write(
        List.of("row", "student_number", "outcome", "field", "reason_fa", "reason_en"), lines);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
