package app.parvandeh.intake.internal;

/** Where a batch stands; a REFUSED archive was hostile and nothing of it was stored. */
public enum BatchStatus {
  QUEUED,
  RUNNING,
  DONE,
  REFUSED
}
