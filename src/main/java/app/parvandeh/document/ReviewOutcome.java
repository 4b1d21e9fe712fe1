package app.parvandeh.document;

/** The result of one review stage over all of a student's uploaded admission documents. */
public enum ReviewOutcome {
  /** Every current version has this stage's acceptance. */
  ALL_ACCEPTED,
  /** At least one current version was rejected at this stage. */
  SOME_REJECTED,
  /** Some current version has no decision of this stage yet. */
  INCOMPLETE
}
