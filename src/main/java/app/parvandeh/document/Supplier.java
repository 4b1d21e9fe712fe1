package app.parvandeh.document;

/**
 * Who brings a required document into the file; only STUDENT documents are uploaded by the student.
 */
public enum Supplier {
  STUDENT("بارگذاری توسط دانشجو"),
  BATCH("بارگذاری گروهی توسط آموزش (۱۸۰۹۰)"),
  BRILLIANT_TALENT_OFFICE("تأیید توسط اداره استعداد درخشان؛ نیازی به بارگذاری نیست"),
  GOLESTAN_INQUIRY("قابل مشاهده از طریق گزارش‌های استعلام گلستان؛ نیازی به بارگذاری نیست");

  private final String labelFa;

  Supplier(String labelFa) {
    this.labelFa = labelFa;
  }

  public String labelFa() {
    return labelFa;
  }
}
