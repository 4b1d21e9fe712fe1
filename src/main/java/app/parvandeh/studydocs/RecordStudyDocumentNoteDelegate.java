package app.parvandeh.studydocs;

import app.parvandeh.document.DocumentViews.VersionView;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the note (Golestan 17030) that an office-automation letter is in the file, addressing its
 * current version. Keyed by the document, so a retried job or a second registration of the same
 * letter adds nothing.
 */
@Component("recordStudyDocumentNoteDelegate")
class RecordStudyDocumentNoteDelegate implements JavaDelegate {

  private final StudentService students;
  private final StudyDocuments studyDocuments;
  private final NoteService notes;

  RecordStudyDocumentNoteDelegate(
      StudentService students, StudyDocuments studyDocuments, NoteService notes) {
    this.students = students;
    this.studyDocuments = studyDocuments;
    this.notes = notes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StudentRef student = students.get(FileKeys.studentNumberOf(execution));
    StudyDocumentVariables variables = StudyDocumentVariables.of(execution);
    Long documentId = variables.documentId();
    FileDocumentView document = studyDocuments.studyDocumentOf(student.id(), documentId);
    VersionView current = document.current();
    String body =
        "مدرک «"
            + document.typeName()
            + "» صادرشده در اتوماسیون اداری، نامه شماره "
            + PersianText.toPersianDigits(document.letterNumber())
            + " مورخ "
            + document.letterDateFa()
            + ": "
            + document.description()
            + " — در پرونده بارگذاری شد (۱۸۰۹۰).";
    NewAddress address =
        new NewAddress(
            "parvandeh:document/" + documentId + "/version/" + current.versionNo(),
            label(
                document.typeName()
                    + ": "
                    + document.description()
                    + " ("
                    + current.fileName()
                    + ")"),
            current.id());
    notes.record(
        student.id(),
        NoteKind.STUDY_DOCUMENT,
        body,
        variables.registeredBy(),
        List.of(address),
        idempotencyKey(documentId));
  }

  /**
   * The address label names the document as its description does; the column holds 300 characters.
   */
  private static String label(String text) {
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }

  static String idempotencyKey(Long documentId) {
    return NoteKind.STUDY_DOCUMENT.name() + ":document:" + documentId;
  }
}
