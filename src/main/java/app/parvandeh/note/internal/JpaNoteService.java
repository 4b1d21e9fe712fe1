package app.parvandeh.note.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.note.NoteView.AddressView;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.UserText;
import app.parvandeh.shared.UserText.Field;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The NoteService facade over the module's repositories. */
@Service
class JpaNoteService implements NoteService {

  /** The lengths are those of the note and note_address columns in db/migration. */
  static final Field BODY = Field.prose("note-body", "متن یادداشت", "note text", 4000);

  static final Field ADDRESS = Field.name("address", "نشانی مدرک", "note address", 500);
  static final Field LABEL = Field.name("address-label", "عنوان نشانی", "address label", 300);
  private final NoteRepository notes;
  private final DocumentService documents;
  private final Clock clock;
  private final AuditLog audit;

  JpaNoteService(NoteRepository notes, DocumentService documents, Clock clock, AuditLog audit) {
    this.notes = notes;
    this.documents = documents;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The faculty clerk's note that the registration documents are complete (Golestan 10730),
   * addressing every admission document's current version. Recording it again for the same student
   * returns the first note.
   */
  @Transactional
  @Override
  public NoteView recordRegistrationComplete(Long studentId, String author) {
    String key = NoteKind.REGISTRATION_COMPLETE.name() + ":" + studentId;
    List<DocumentView> admission = documents.admissionDocumentsOf(studentId);
    String body =
        "مدارک ثبت‌نامی دانشجو کامل است و به تأیید کارشناس دانشکده و واحد پذیرش ستاد رسید ("
            + PersianText.toPersianDigits(String.valueOf(admission.size()))
            + " مدرک).";
    List<NewAddress> addresses =
        admission.stream()
            .map(
                document -> {
                  VersionView current = document.current();
                  String label = document.typeName() + " (" + current.fileName() + ")";
                  return new NewAddress(
                      "parvandeh:document/" + document.id() + "/version/" + current.versionNo(),
                      label.length() > LABEL.maxLength()
                          ? label.substring(0, LABEL.maxLength() - 2) + "…)"
                          : label,
                      current.id());
                })
            .toList();
    return record(studentId, NoteKind.REGISTRATION_COMPLETE, body, author, addresses, key);
  }

  /**
   * Records a note. Every address must resolve: a document version must be this student's, an
   * external reference must say where the document lives. With an idempotency key, recording the
   * same fact again (a retried job) returns the first note.
   */
  @Transactional
  @Override
  public NoteView record(
      Long studentId,
      NoteKind kind,
      String body,
      String author,
      List<NewAddress> addresses,
      String idempotencyKey) {
    if (idempotencyKey != null) {
      var existing = notes.findByIdempotencyKey(idempotencyKey);
      if (existing.isPresent()) {
        return view(existing.get());
      }
    }
    String text = UserText.clean(body, BODY);
    if (text.isEmpty()) {
      throw ParvandehException.badRequest(
          "note-text-required", "متن یادداشت را بنویسید.", "A note needs text.");
    }
    Note note = new Note(studentId, kind, text, author, Instant.now(clock), idempotencyKey);
    for (NewAddress address : addresses) {
      if (address.documentVersionId() != null
          && !documents.versionBelongsTo(studentId, address.documentVersionId())) {
        throw ParvandehException.badRequest(
            "address-unresolved",
            "نشانی یادداشت به مدرکی در پرونده این دانشجو اشاره نمی‌کند.",
            "A note address does not resolve to a document in this student's file.");
      }
      String where = UserText.clean(address.address(), ADDRESS);
      if (where.isEmpty()) {
        throw ParvandehException.badRequest(
            "address-required",
            "نشانی مدرک را بنویسید.",
            "A note address needs to say where the document lives.");
      }
      note.address(where, UserText.clean(address.label(), LABEL), address.documentVersionId());
    }
    Note saved = notes.save(note);
    audit.change(
        author,
        AuditAction.NOTE_RECORDED,
        studentId,
        null,
        kind + " (" + kind.golestanScreen() + "), " + addresses.size() + " addresses");
    return view(saved);
  }

  @Transactional(readOnly = true)
  @Override
  public List<NoteView> notesOf(Long studentId) {
    return notes.findByStudentIdOrderByCreatedAtAscIdAsc(studentId).stream()
        .map(JpaNoteService::view)
        .toList();
  }

  private static NoteView view(Note note) {
    return new NoteView(
        note.getId(),
        note.getKind().name(),
        note.getKind().labelFa(),
        note.getGolestanScreen(),
        note.getBody(),
        note.getAuthor(),
        note.getCreatedAt(),
        JalaliDates.dateTime(note.getCreatedAt()),
        note.getAddresses().stream()
            .map(a -> new AddressView(a.getAddress(), a.getLabel(), a.getDocumentVersionId()))
            .toList());
  }
}
