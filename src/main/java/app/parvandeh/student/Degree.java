package app.parvandeh.student;

/** The degree a student studies for. */
public enum Degree {
  BACHELOR("کارشناسی"),
  MASTER("کارشناسی ارشد"),
  PHD("دکتری");

  private final String labelFa;

  Degree(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
