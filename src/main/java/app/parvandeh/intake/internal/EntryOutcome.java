package app.parvandeh.intake.internal;

/**
 * What became of one archive entry: attached to a file, the same bytes already there, waiting in
 * the unmatched queue, refused (its content), or ignored (a folder or operating-system metadata).
 */
public enum EntryOutcome {
  ATTACHED,
  DUPLICATE,
  UNMATCHED,
  REFUSED,
  IGNORED
}
