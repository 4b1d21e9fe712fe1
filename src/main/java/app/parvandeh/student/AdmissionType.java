package app.parvandeh.student;

/** How the student was admitted; remote admission is Golestan's screen 14080. */
public enum AdmissionType {
  REMOTE("غیرحضوری"),
  IN_PERSON("حضوری");

  private final String labelFa;

  AdmissionType(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
