package app.parvandeh.intake.internal;

/** Where a background import stands; QUEUED and RUNNING ones are resumed at start-up. */
public enum ImportStatus {
  QUEUED,
  RUNNING,
  DONE
}
