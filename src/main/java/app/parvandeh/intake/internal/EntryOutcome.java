package app.parvandeh.intake.internal;

/**
 * What became of one archive entry: attached to a file, the same bytes already there, waiting in
 * the unmatched queue, refused (its content), or ignored (a folder or operating-system metadata).
 */
public enum EntryOutcome {
  ATTACHED("پیوست‌شده"),
  DUPLICATE("تکراری"),
  UNMATCHED("بی‌صاحب"),
  REFUSED("ردشده"),
  IGNORED("نادیده");

  private final String labelFa;

  EntryOutcome(String labelFa) {
    this.labelFa = labelFa;
  }

  /** What the intake pages call it (GET /api/labels). */
  public String labelFa() {
    return labelFa;
  }
}
