package app.parvandeh.intake.internal;

/** A clerk's decision on an unmatched entry: attached to a student's file, or put aside. */
public enum EntryResolution {
  ASSIGNED("پیوست شد"),
  DISCARDED("کنار گذاشته شد");

  private final String labelFa;

  EntryResolution(String labelFa) {
    this.labelFa = labelFa;
  }

  /** What the batch page calls it (GET /api/labels). */
  public String labelFa() {
    return labelFa;
  }
}
