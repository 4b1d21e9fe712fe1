package app.parvandeh.document;

/**
 * Who reviews admission documents: the faculty clerk first, then the central admission unit
 * (Golestan 14010).
 */
public enum ReviewStage {
  FACULTY("کارشناس دانشکده"),
  CENTRAL("واحد پذیرش ستاد");

  private final String labelFa;

  ReviewStage(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
