package app.parvandeh.intake;

import app.parvandeh.intake.internal.BatchStatus;
import app.parvandeh.intake.internal.CohortRowRules;
import app.parvandeh.intake.internal.EntryOutcome;
import app.parvandeh.intake.internal.EntryResolution;
import app.parvandeh.intake.internal.ImportStatus;
import app.parvandeh.intake.internal.RowOutcome;
import app.parvandeh.shared.CodeNames;
import java.util.Map;

/**
 * The Persian names of the codes the intake views answer with (a row's or an entry's outcome, an
 * import's or a batch's status, a clerk's decision on an unmatched entry, a cohort list's column),
 * code → name in the enum's order: /api/labels serves them, so the intake pages call an outcome
 * what the server calls it.
 */
public record IntakeLabels(
    Map<String, String> rowOutcome,
    Map<String, String> entryOutcome,
    Map<String, String> importStatus,
    Map<String, String> batchStatus,
    Map<String, String> entryResolution,
    Map<String, String> cohortColumn) {

  public static IntakeLabels persian() {
    return new IntakeLabels(
        CodeNames.of(RowOutcome.values(), RowOutcome::labelFa),
        CodeNames.of(EntryOutcome.values(), EntryOutcome::labelFa),
        CodeNames.of(ImportStatus.values(), ImportStatus::labelFa),
        CodeNames.of(BatchStatus.values(), BatchStatus::labelFa),
        CodeNames.of(EntryResolution.values(), EntryResolution::labelFa),
        CohortRowRules.COLUMN_NAMES);
  }
}
