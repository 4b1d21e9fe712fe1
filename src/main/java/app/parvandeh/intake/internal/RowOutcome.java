package app.parvandeh.intake.internal;

/**
 * What a cohort row did: opened a file, corrected one, found it as it was, or was refused with a
 * reason.
 */
public enum RowOutcome {
  ACCEPTED,
  UPDATED,
  UNCHANGED,
  REJECTED
}
