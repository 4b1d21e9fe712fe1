package app.parvandeh.note.internal;

import app.parvandeh.note.NoteKind;
import app.parvandeh.security.ClearanceRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A file's clearance is complete once its clearance-complete note exists: written once (idempotent)
 * when the central check announced the file to the graduates office, never edited or deleted, and
 * kept after the process ends.
 */
@Component
class ClearedFiles implements ClearanceRecords {

  private final NoteRepository notes;

  ClearedFiles(NoteRepository notes) {
    this.notes = notes;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean clearanceComplete(Long studentId) {
    return notes.existsByStudentIdAndKind(studentId, NoteKind.CLEARANCE_COMPLETE);
  }
}
