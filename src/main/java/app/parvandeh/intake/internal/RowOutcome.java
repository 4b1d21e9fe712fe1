package app.parvandeh.intake.internal;

/**
 * What a cohort row did: opened a file, corrected one, found it as it was, or was refused with a
 * reason.
 */
public enum RowOutcome {
  ACCEPTED("پذیرفته"),
  UPDATED("به‌روزشده"),
  UNCHANGED("بدون تغییر"),
  REJECTED("ردشده");

  private final String labelFa;

  RowOutcome(String labelFa) {
    this.labelFa = labelFa;
  }

  /** What the intake pages call it (GET /api/labels). */
  public String labelFa() {
    return labelFa;
  }
}
