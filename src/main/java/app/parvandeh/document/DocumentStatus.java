package app.parvandeh.document;

/** A document's state, from its current version's reviews. */
public enum DocumentStatus {
  SUBMITTED("در انتظار بررسی"),
  ACCEPTED("تأیید شده"),
  REJECTED("رد شده، نیاز به اصلاح");

  private final String labelFa;

  DocumentStatus(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
