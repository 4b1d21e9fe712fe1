package app.parvandeh.document;

/** A document's state, from its current version's reviews. */
public enum DocumentStatus {
  SUBMITTED("در انتظار بررسی"),
  ACCEPTED("تأیید شده"),
  REJECTED("رد شده، نیاز به اصلاح"),
  /**
   * An official document issued elsewhere (an office-automation letter): recorded as it is, never
   * reviewed.
   */
  RECORDED("ثبت‌شده در پرونده (نامه رسمی)");

  private final String labelFa;

  DocumentStatus(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
