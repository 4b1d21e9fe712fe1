package app.parvandeh.document;

import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.ContentCopies.State;

/**
 * Published when a read finds a copy of a blob changed or missing: whether that copy was rewritten
 * from the good one. The preservation module records it as a fixity finding.
 */
public record ContentDamaged(String sha256, Copy copy, State state, boolean repaired) {}
