package app.parvandeh.note;

import java.util.List;

/** Records and lists notes about a student. */
public interface NoteService {

  /**
   * The faculty clerk's note that the registration documents are complete (Golestan 10730),
   * addressing every admission document's current version. Recording it again for the same student
   * returns the first note.
   */
  NoteView recordRegistrationComplete(Long studentId, String author);

  /**
   * Where a new note points: one of this student's document versions, or an external reference (no
   * version).
   */
  record NewAddress(String address, String label, Long documentVersionId) {}

  /**
   * Records a note. Every address must resolve: a document version must be this student's, an
   * external reference must say where the document lives. With an idempotency key, recording the
   * same fact again (a retried job) returns the first note.
   */
  NoteView record(
      Long studentId,
      NoteKind kind,
      String body,
      String author,
      List<NewAddress> addresses,
      String idempotencyKey);

  List<NoteView> notesOf(Long studentId);
}
