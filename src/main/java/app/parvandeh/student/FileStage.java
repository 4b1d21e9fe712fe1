package app.parvandeh.student;

/**
 * The three stages of a student file, plus after graduation (modelled, not active at the university
 * yet).
 */
public enum FileStage {
  ADMISSION("پذیرش و ثبت‌نام"),
  DURING_STUDY("در طول تحصیل"),
  GRADUATION("دانش‌آموختگی"),
  AFTER_GRADUATION("پس از دانش‌آموختگی");

  private final String labelFa;

  FileStage(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
