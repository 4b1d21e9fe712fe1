package app.parvandeh.note;

/** What a note records; each kind names the Golestan screen clerks know it by. */
public enum NoteKind {
  REGISTRATION_COMPLETE("10730", "تکمیل مدارک ثبت‌نامی"),
  /**
   * A document issued during study in office automation: uploaded (18090), noted with its address.
   */
  STUDY_DOCUMENT("17030", "مدرک صادرشده در طول تحصیل"),
  /** A document issued at a Golestan service counter: not uploaded, only its address is noted. */
  SERVICE_COUNTER_REFERENCE("10730", "ارجاع به مدرک پیشخوان خدمت"),
  /** The faculty's note of where a document lives, for graduation clearance. */
  DOCUMENT_ADDRESS("17030", "نشانی مدرک برای تسویه دانش‌آموختگی"),
  /** What the central clearance check found missing, for the faculty. */
  CLEARANCE_MISSING("10730", "کسری پرونده در تسویه دانش‌آموختگی"),
  /** The file passed the final clearance check; the graduates office was told. */
  CLEARANCE_COMPLETE("10730", "تأیید نهایی پرونده و اعلام به اداره دانش‌آموختگان"),
  /** The graduate asked for their graduation documents (portal or in person). */
  GRADUATION_REQUESTED("10730", "درخواست مدارک دانش‌آموختگی"),
  /** The graduates office issued the graduation documents. */
  GRADUATION_DOCUMENTS_ISSUED("10730", "صدور مدارک دانش‌آموختگی"),
  /** The cleared file was archived with its final status. */
  FILE_ARCHIVED("10730", "بایگانی پرونده"),
  /** A document issued after graduation (stage switched off by default). */
  AFTER_GRADUATION_DOCUMENT("17030", "مدرک صادرشده پس از دانش‌آموختگی"),
  /**
   * An exam card or confidential report card attached from a batch (18090), noted with its address.
   */
  BATCH_DOCUMENT("18090", "پیوست گروهی کارت آزمون یا کارنامه"),
  /** Any other note a clerk writes about the student. */
  GENERAL("10730", "یادداشت");

  private final String golestanScreen;
  private final String labelFa;

  NoteKind(String golestanScreen, String labelFa) {
    this.golestanScreen = golestanScreen;
    this.labelFa = labelFa;
  }

  public String golestanScreen() {
    return golestanScreen;
  }

  public String labelFa() {
    return labelFa;
  }
}
