package app.parvandeh.student;

/** Where the student stands. Closed files (withdrawn, expelled) are completed exactly like ordinary ones. */
public enum StudentStatus {
  ACTIVE("فعال"),
  WITHDRAWN("انصراف"),
  EXPELLED("اخراج"),
  GRADUATED("دانش‌آموخته");

  private final String labelFa;

  StudentStatus(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
