package app.parvandeh.intake.internal;

/** Where a batch stands; a REFUSED archive was hostile and nothing of it was stored. */
public enum BatchStatus {
  QUEUED("در صف"),
  RUNNING("در حال انجام"),
  DONE("پایان یافته"),
  REFUSED("ردشده");

  private final String labelFa;

  BatchStatus(String labelFa) {
    this.labelFa = labelFa;
  }

  /** What the intake pages call it (GET /api/labels). */
  public String labelFa() {
    return labelFa;
  }
}
