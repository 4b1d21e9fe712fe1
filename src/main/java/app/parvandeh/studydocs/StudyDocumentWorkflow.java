package app.parvandeh.studydocs;

import static app.parvandeh.workflow.StudyDocumentProcess.PROCESS_ID;
import static app.parvandeh.workflow.StudyDocumentProcess.SOURCE_OFFICE_AUTOMATION;
import static app.parvandeh.workflow.StudyDocumentProcess.SOURCE_SERVICE_COUNTER;

import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.document.Upload;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents issued during study: checks a registration against the student's running file and
 * starts StudyDocumentProcess for it. The file page stores the letter and starts the process in one
 * transaction; the Tasklist start form stores the letter first, then starts the process with the
 * document's id.
 */
@Service
public class StudyDocumentWorkflow {

  private final RuntimeService runtime;
  private final StudyDocuments studyDocuments;

  StudyDocumentWorkflow(RuntimeService runtime, StudyDocuments studyDocuments) {
    this.runtime = runtime;
    this.studyDocuments = studyDocuments;
  }

  /**
   * What was registered: the stored letter (office automation only) and the process instance that
   * notes it.
   */
  public record Registered(FileDocumentView document, String processInstanceId) {}

  /** The id of the student's running StudentFileProcess; a 409 when the file is not open. */
  public String runningFileInstanceId(String studentNumber) {
    Callable<ProcessInstance> query =
        () ->
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(StudentFileProcess.PROCESS_ID)
                .processInstanceBusinessKey(studentNumber)
                .active()
                .singleResult();
    ProcessInstance file;
    CommandContext context = Context.getCommandContext();
    try {
      // Inside the engine (Tasklist's start) the clerk may not read the file's instance; the check
      // is ours to make.
      file = context == null ? query.call() : context.runWithoutAuthorization(query);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (file == null) {
      throw ParvandehException.conflict(
          "no-running-file",
          "پرونده این دانشجو در جریان نیست (فرایند پرونده دانشجو اجرا نمی‌شود)؛ مدرک دوران تحصیل ثبت نمی‌شود.",
          "This student has no running student file process; a study document cannot be registered.");
    }
    return file.getId();
  }

  /**
   * Stores a letter for the Tasklist start form, after making sure the file is open to receive it.
   */
  @Transactional
  public FileDocumentView storeLetterForStartForm(
      StudentRef student,
      String typeCode,
      Upload upload,
      String letterNumber,
      String letterDate,
      String description,
      String actor) {
    runningFileInstanceId(student.studentNumber());
    return studyDocuments.registerOfficeLetter(
        student.id(), typeCode, upload, letterNumber, letterDate, description, actor);
  }

  /**
   * From the file page: stores the letter and starts the process that notes it, both or neither.
   */
  @Transactional
  public Registered registerOfficeLetter(
      StudentRef student,
      String typeCode,
      Upload upload,
      String letterNumber,
      String letterDate,
      String description,
      String actor) {
    runningFileInstanceId(student.studentNumber());
    FileDocumentView document =
        studyDocuments.registerOfficeLetter(
            student.id(), typeCode, upload, letterNumber, letterDate, description, actor);
    Map<String, Object> variables = new HashMap<>();
    StudyDocumentVariables.of(variables).documentId(document.id());
    return new Registered(document, start(student, SOURCE_OFFICE_AUTOMATION, variables, actor));
  }

  /** From the file page: a service-counter document, nothing uploaded, only where it lives. */
  @Transactional
  public Registered registerServiceCounter(
      StudentRef student, String requestNumber, String documentType, String actor) {
    runningFileInstanceId(student.studentNumber());
    Map<String, Object> variables = new HashMap<>();
    StudyDocumentVariables.of(variables).counterReference(requestNumber, documentType);
    return new Registered(null, start(student, SOURCE_SERVICE_COUNTER, variables, actor));
  }

  /** Checks and normalizes the counter reference: where the document lives must be said. */
  static void checkCounterReference(StudyDocumentVariables variables) {
    String number = PersianText.normalize(variables.counterRequestNumber());
    String documentType = variables.counterDocumentType();
    String type = documentType == null ? "" : documentType.strip();
    if (number.isEmpty() || type.isEmpty() || number.length() > 60 || type.length() > 200) {
      throw ParvandehException.badRequest(
          "address-required",
          "شماره درخواست پیشخوان خدمت و نوع مدرک را بنویسید تا نشانی مدرک معلوم باشد.",
          "A service-counter reference needs the counter request number and the document type (where it lives).");
    }
    variables.counterReference(number, type);
  }

  private String start(
      StudentRef student, String source, Map<String, Object> variables, String actor) {
    StudyDocumentVariables start = StudyDocumentVariables.of(variables);
    start.studentNumber(student.studentNumber());
    start.source(source);
    start.registeredBy(actor);
    if (SOURCE_SERVICE_COUNTER.equals(source)) {
      checkCounterReference(start);
    }
    return runtime
        .startProcessInstanceByKey(PROCESS_ID, student.studentNumber(), variables)
        .getId();
  }
}
