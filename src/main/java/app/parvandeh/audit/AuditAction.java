package app.parvandeh.audit;

/** What was done. New operations add a value; recorded rows are never changed. */
public enum AuditAction {
  FILE_CREATED("ایجاد پرونده"),
  FILE_VIEWED("مشاهده پرونده"),
  FILE_EDITED("اصلاح اطلاعات پرونده"),
  DOCUMENT_UPLOADED("بارگذاری مدرک"),
  DOCUMENT_VIEWED("مشاهده مدرک"),
  DOCUMENT_DOWNLOADED("دریافت مدرک"),
  DOCUMENT_EDITED("اصلاح اطلاعات مدرک"),
  DOCUMENT_REVIEWED("بررسی مدرک"),
  DOCUMENT_DELETED_FOR_CORRECTION("حذف برای اصلاح"),
  DOCUMENT_RESTORED("بازگرداندن مدرک"),
  NOTE_RECORDED("ثبت یادداشت"),
  /** The file moved to another stage (admission, during study, graduation…), by its process. */
  FILE_STAGE_CHANGED("تغییر مرحله پرونده"),
  REPORT_EXPORTED("گزارش"),
  /** A student's whole file (documents, notes, audit trail) exported as a BagIt bag. */
  FILE_EXPORTED("خروجی پرونده (BagIt)"),
  /** A signed clearance certificate («گواهی تسویه پرونده») of a cleared file was issued. */
  CLEARANCE_CERTIFICATE_ISSUED("صدور گواهی تسویه پرونده");

  private final String labelFa;

  AuditAction(String labelFa) {
    this.labelFa = labelFa;
  }

  /** How the file page's history names the action. */
  public String labelFa() {
    return labelFa;
  }
}
