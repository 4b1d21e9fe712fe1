package app.parvandeh.web;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.monitoring.FileTimeline;
import app.parvandeh.monitoring.FileTimeline.Step;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.security.ClearanceRecords;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentInfoEdits;
import app.parvandeh.student.StudentInfoEdits.StudentInfo;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentSummary;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A student's file: create it, view everything in it, and correct its information. */
@RestController
class FileController {

  private static final Set<AuditAction> READS =
      EnumSet.of(
          AuditAction.FILE_VIEWED,
          AuditAction.DOCUMENT_VIEWED,
          AuditAction.DOCUMENT_DOWNLOADED,
          AuditAction.REPORT_EXPORTED,
          AuditAction.CLEARANCE_CERTIFICATE_ISSUED);

  private final StudentService students;
  private final StudentInfoEdits edits;
  private final DocumentCorrections documents;
  private final NoteService notes;
  private final FileTimeline timeline;
  private final FileAccessPolicy access;
  private final AuditLog audit;
  private final ClearanceRecords clearance;
  private final PeopleNames names;

  FileController(
      StudentService students,
      StudentInfoEdits edits,
      DocumentCorrections documents,
      NoteService notes,
      FileTimeline timeline,
      FileAccessPolicy access,
      AuditLog audit,
      ClearanceRecords clearance,
      PeopleNames names) {
    this.clearance = clearance;
    this.names = names;
    this.students = students;
    this.edits = edits;
    this.documents = documents;
    this.notes = notes;
    this.timeline = timeline;
    this.access = access;
    this.audit = audit;
  }

  /**
   * Creates a file (central admission, or a faculty clerk for their faculty); its process starts
   * with it.
   */
  @PostMapping("/api/students")
  @ResponseStatus(HttpStatus.CREATED)
  StudentSummary create(@Valid @RequestBody NewStudent data, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    access.checkCreate(user, data.facultyCode());
    return StudentSummary.of(students.admit(data, user.id()));
  }

  @GetMapping("/api/students/{studentNumber}/file")
  FileView file(@PathVariable String studentNumber, Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    StudentRef student = students.get(studentNumber);
    access.checkView(user, student);
    // the read is recorded by FileViewAuditing, once per session and page every few minutes
    return view(student, user);
  }

  /** Edit of the file's information, based on the row version the clerk saw. */
  record FileEdit(
      String firstName, String lastName, String nationalId, String degree, Long rowVersion) {}

  @PutMapping("/api/students/{studentNumber}")
  FileView edit(
      @PathVariable String studentNumber,
      @RequestBody FileEdit edit,
      Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    StudentRef student = students.get(studentNumber);
    access.checkChange(user, student);
    StudentRef edited =
        edits.edit(
            student.studentNumber(),
            edit.rowVersion(),
            new StudentInfo(
                edit.firstName(), edit.lastName(), edit.nationalId(), Degrees.parse(edit.degree())),
            user.id());
    return view(edited, user);
  }

  /** The timeline's assignees by name (the login stays beside it for the page's tooltip). */
  private List<Step> namedSteps(List<Step> steps) {
    Map<String, String> people = names.of(steps.stream().map(Step::assignee).toList());
    return steps.stream()
        .map(s -> people.containsKey(s.assignee()) ? s.named(people.get(s.assignee())) : s)
        .toList();
  }

  private FileView view(StudentRef student, CurrentUser user) {
    List<FileDocumentView> all = documents.documentsOf(student.id());
    List<FileView.StageDocuments> stages = new ArrayList<>();
    for (FileStage stage : FileStage.values()) {
      List<FileDocumentView> inStage =
          all.stream().filter(d -> stage.name().equals(d.stage())).toList();
      if (stage != FileStage.AFTER_GRADUATION || !inStage.isEmpty()) {
        stages.add(new FileView.StageDocuments(stage.name(), stage.labelFa(), inStage));
      }
    }
    List<NoteView> fileNotes = notes.notesOf(student.id());
    return new FileView(
        StudentSummary.of(student),
        FileView.FileInfo.of(student),
        access.canChange(user, student),
        stages,
        fileNotes,
        names.of(fileNotes.stream().map(NoteView::author).toList()),
        namedSteps(timeline.of(student.studentNumber())),
        FileHistory.of(history(user, student), all, names),
        ClearanceCertificateController.urlIfCleared(student, clearance));
  }

  /**
   * The file's history: the whole audit trail for those who read it (managers, central units); for
   * everyone else who may see the file only its changes, without who read what or from which
   * address.
   */
  private List<AuditView> history(CurrentUser user, StudentRef student) {
    List<AuditView> trail = audit.ofStudent(student.id());
    if (access.canReadAudit(user)) {
      return trail;
    }
    return trail.stream()
        .filter(e -> !READS.contains(e.action()))
        .map(
            e ->
                new AuditView(
                    e.id(),
                    e.occurredAt(),
                    e.occurredAtJalali(),
                    e.actor(),
                    e.action(),
                    e.studentId(),
                    e.documentId(),
                    e.details(),
                    null))
        .toList();
  }
}
