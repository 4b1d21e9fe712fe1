package app.parvandeh.note;

/** What a note records; each kind names the Golestan screen clerks know it by. */
public enum NoteKind {
  REGISTRATION_COMPLETE("10730", "تکمیل مدارک ثبت‌نامی"),
  /** A document issued during study in office automation: uploaded (18090), noted with its address. */
  STUDY_DOCUMENT("17030", "مدرک صادرشده در طول تحصیل"),
  /** A document issued at a Golestan service counter: not uploaded, only its address is noted. */
  SERVICE_COUNTER_REFERENCE("10730", "ارجاع به مدرک پیشخوان خدمت"),
  /** The faculty's note of where a document lives, for graduation clearance. */
  DOCUMENT_ADDRESS("17030", "نشانی مدرک برای تسویه دانش‌آموختگی"),
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
