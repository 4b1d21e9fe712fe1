package app.parvandeh.web;

import app.parvandeh.document.FileDocumentView;
import app.parvandeh.monitoring.FileTimeline.Step;
import app.parvandeh.note.NoteView;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentSummary;
import java.util.List;
import java.util.Map;

/**
 * Everything the file page shows of one student's file: the four operations work on this. {@code
 * clearanceCertificateUrl}: the signed clearance certificate, once the file is cleared (else null).
 * {@code noteAuthors}: the notes' authors by name, login to name (system authors such as «golestan»
 * left out).
 */
record FileView(
    StudentSummary student,
    FileInfo info,
    boolean canChange,
    List<StageDocuments> stages,
    List<NoteView> notes,
    Map<String, String> noteAuthors,
    List<Step> timeline,
    List<FileHistory.Line> history,
    String clearanceCertificateUrl) {

  /** The file's editable information and the row version an edit must send back. */
  record FileInfo(
      String firstName, String lastName, String nationalId, String degree, long rowVersion) {

    static FileInfo of(StudentRef s) {
      return new FileInfo(
          s.firstName(), s.lastName(), s.nationalId(), s.degree().name(), s.rowVersion());
    }
  }

  /** The documents of one stage of the file (admission, during study, graduation…). */
  record StageDocuments(String stage, String label, List<FileDocumentView> documents) {}
}
