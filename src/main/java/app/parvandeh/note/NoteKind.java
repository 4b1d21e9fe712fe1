package app.parvandeh.note;

/** What a note records; each kind names the Golestan screen clerks know it by. */
public enum NoteKind {
  REGISTRATION_COMPLETE("10730", "تکمیل مدارک ثبت‌نامی");

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
