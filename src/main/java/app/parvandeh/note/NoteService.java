package app.parvandeh.note;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.shared.PersianText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and lists notes about a student. */
@Service
public class NoteService {

  private final NoteRepository notes;
  private final DocumentService documents;
  private final Clock clock;
  private final AuditLog audit;

  NoteService(NoteRepository notes, DocumentService documents, Clock clock, AuditLog audit) {
    this.notes = notes;
    this.documents = documents;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The faculty clerk's note that the registration documents are complete (Golestan 10730), addressing every
   * admission document's current version. Recording it again for the same student returns the first note.
   */
  @Transactional
  public NoteView recordRegistrationComplete(Long studentId, String author) {
    String key = NoteKind.REGISTRATION_COMPLETE.name() + ":" + studentId;
    return notes.findByIdempotencyKey(key).map(NoteView::of).orElseGet(() -> {
      List<DocumentView> admission = documents.admissionDocumentsOf(studentId);
      String body = "مدارک ثبت‌نامی دانشجو کامل است و به تأیید کارشناس دانشکده و واحد پذیرش ستاد رسید ("
          + PersianText.toPersianDigits(String.valueOf(admission.size())) + " مدرک).";
      Note note = new Note(studentId, NoteKind.REGISTRATION_COMPLETE, body, author, Instant.now(clock), key);
      for (DocumentView document : admission) {
        VersionView current = document.current();
        note.address("parvandeh:document/" + document.id() + "/version/" + current.versionNo(),
            document.typeName() + " (" + current.fileName() + ")", current.id());
      }
      Note saved = notes.save(note);
      audit.change(author, AuditAction.NOTE_RECORDED, studentId, null,
          note.getKind() + " (" + note.getGolestanScreen() + "), " + note.getAddresses().size() + " addresses");
      return NoteView.of(saved);
    });
  }

  @Transactional(readOnly = true)
  public List<NoteView> notesOf(Long studentId) {
    return notes.findByStudentIdOrderByCreatedAtAscIdAsc(studentId).stream().map(NoteView::of).toList();
  }
}
