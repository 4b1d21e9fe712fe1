package app.parvandeh.intake.internal;

/** Where a background import stands; QUEUED and RUNNING ones are resumed at start-up. */
public enum ImportStatus {
  QUEUED("در صف"),
  RUNNING("در حال انجام"),
  DONE("پایان یافته");

  private final String labelFa;

  ImportStatus(String labelFa) {
    this.labelFa = labelFa;
  }

  /** What the intake pages call it (GET /api/labels). */
  public String labelFa() {
    return labelFa;
  }
}
