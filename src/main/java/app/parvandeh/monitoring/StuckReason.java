package app.parvandeh.monitoring;

/**
 * Why a file is stuck (a file can have several): a task past its due date, a failed step, or no
 * progress for some days; the report answers with these codes.
 */
public enum StuckReason {
  OVERDUE("گذشته از مهلت"),
  INCIDENT("خطا (رخداد)"),
  IDLE("بدون پیشرفت");

  private final String labelFa;

  StuckReason(String labelFa) {
    this.labelFa = labelFa;
  }

  /** What the stuck-files report calls it (GET /api/labels). */
  public String labelFa() {
    return labelFa;
  }
}
