package app.parvandeh.note.report;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.note.report.ClearanceCertificate.DocumentLine;
import app.parvandeh.note.report.ClearanceCertificate.NoteAddresses;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clearance certificate of a cleared file, for whoever may see that file (the student their
 * own, the faculty, the central units, managers, the graduates office the cleared files it
 * receives). A file is cleared once its clearance-complete note exists; before that the certificate
 * is refused. Each issue is recorded in the audit trail.
 */
@Service
public class ClearanceCertificates {

  private final StudentService students;
  private final NoteService notes;
  private final DocumentCorrections documents;
  private final FileAccessPolicy access;
  private final UserNames names;
  private final AuditLog audit;
  private final Clock clock;

  ClearanceCertificates(
      StudentService students,
      NoteService notes,
      DocumentCorrections documents,
      FileAccessPolicy access,
      UserNames names,
      AuditLog audit,
      Clock clock) {
    this.students = students;
    this.notes = notes;
    this.documents = documents;
    this.access = access;
    this.names = names;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public ClearanceCertificate issue(CurrentUser user, String studentNumber) {
    StudentRef student = students.get(studentNumber);
    access.checkView(user, student);
    List<NoteView> fileNotes = notes.notesOf(student.id());
    NoteView cleared =
        fileNotes.stream()
            .filter(n -> n.kind().equals(NoteKind.CLEARANCE_COMPLETE.name()))
            .findFirst()
            .orElseThrow(
                () ->
                    ParvandehException.conflict(
                        "file-not-cleared",
                        "پرونده این دانشجو هنوز تسویه نشده است؛ گواهی تسویه پس از تأیید نهایی ستاد صادر می‌شود.",
                        "This file is not cleared yet: the clearance certificate is issued after the central final check."));
    List<DocumentLine> documentLines =
        documents.documentsOf(student.id()).stream()
            .filter(d -> !d.deleted())
            .map(ClearanceCertificates::line)
            .toList();
    List<NoteAddresses> noteLines =
        fileNotes.stream()
            .filter(n -> !n.addresses().isEmpty())
            .map(
                n ->
                    new NoteAddresses(
                        n.id(),
                        n.createdAtJalali(),
                        n.kindLabel(),
                        n.golestanScreen(),
                        n.addresses().stream()
                            .map(
                                a ->
                                    (a.label() == null || a.label().isBlank()
                                            ? ""
                                            : a.label() + " – ")
                                        + a.address())
                            .toList()))
            .toList();
    ClearanceCertificate certificate =
        new ClearanceCertificate(
            JalaliDates.dateTime(Instant.now(clock)),
            student.studentNumber(),
            student.fullName(),
            student.faculty().nameFa(),
            student.degree().labelFa(),
            nameOf(cleared.author()),
            cleared.createdAtJalali(),
            documentLines,
            noteLines);
    audit.read(
        user.id(),
        AuditAction.CLEARANCE_CERTIFICATE_ISSUED,
        student.id(),
        null,
        "clearance certificate: "
            + documentLines.size()
            + " documents, "
            + noteLines.size()
            + " notes with addresses; cleared by "
            + cleared.author()
            + " (note "
            + cleared.id()
            + ")");
    return certificate;
  }

  private static DocumentLine line(FileDocumentView d) {
    return d.current() == null
        ? new DocumentLine(d.typeName(), d.statusLabel(), null, null, null, d.letterNumber())
        : new DocumentLine(
            d.typeName(),
            d.statusLabel(),
            d.current().fileName(),
            d.current().versionNo(),
            d.current().id(),
            d.letterNumber());
  }

  /** "First Last (user id)" as Camunda's identity store knows the user, or the id alone. */
  private String nameOf(String userId) {
    String name = names.of(userId);
    return name == null ? userId : name + " (" + userId + ")";
  }
}
