package app.parvandeh.document;

/** A reviewer's decision on one version of a document. */
public enum ReviewDecision {
  ACCEPTED("پذیرفته شد"),
  REJECTED("رد شد");

  private final String labelFa;

  ReviewDecision(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
