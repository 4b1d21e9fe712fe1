package app.parvandeh.document;

/** A reviewer's decision on one version of a document. */
public enum ReviewDecision {
  ACCEPTED,
  REJECTED
}
