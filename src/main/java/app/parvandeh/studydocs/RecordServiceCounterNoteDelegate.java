package app.parvandeh.studydocs;

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
 * Records the reference note (Golestan 10730) for a document issued at a Golestan service counter:
 * nothing is uploaded; the address says where it lives. Keyed by the process instance, so a retried
 * job adds nothing.
 */
@Component("recordServiceCounterNoteDelegate")
class RecordServiceCounterNoteDelegate implements JavaDelegate {

  private final StudentService students;
  private final NoteService notes;

  RecordServiceCounterNoteDelegate(StudentService students, NoteService notes) {
    this.students = students;
    this.notes = notes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StudentRef student = students.get(FileKeys.studentNumberOf(execution));
    StudyDocumentVariables variables = StudyDocumentVariables.of(execution);
    String requestNumber = variables.counterRequestNumber();
    String type = variables.counterDocumentType();
    String body =
        "مدرک «"
            + type
            + "» از پیشخوان خدمت سامانه گلستان صادر شده است و بارگذاری نمی‌شود؛ نشانی آن: "
            + "درخواست پیشخوان شماره "
            + PersianText.toPersianDigits(requestNumber)
            + ".";
    NewAddress address =
        new NewAddress(
            "golestan:service-counter/" + requestNumber,
            type + " — درخواست پیشخوان خدمت شماره " + PersianText.toPersianDigits(requestNumber),
            null);
    notes.record(
        student.id(),
        NoteKind.SERVICE_COUNTER_REFERENCE,
        body,
        variables.registeredBy(),
        List.of(address),
        idempotencyKey(execution.getProcessInstanceId()));
  }

  static String idempotencyKey(String processInstanceId) {
    return NoteKind.SERVICE_COUNTER_REFERENCE.name() + ":process:" + processInstanceId;
  }
}
