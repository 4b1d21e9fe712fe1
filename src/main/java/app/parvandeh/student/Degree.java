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

  /** Postgraduate files are cleared by graduate-studies management, others by education services. */
  public boolean isPostgraduate() {
    return this != BACHELOR;
  }
}
