package app.parvandeh.studydocs;

import static app.parvandeh.workflow.StudyDocumentProcess.SOURCE_OFFICE_AUTOMATION;
import static app.parvandeh.workflow.StudyDocumentProcess.SOURCE_SERVICE_COUNTER;

import app.parvandeh.document.StudyDocuments;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a study-document registration as it starts, whoever starts it (Tasklist's start form, the
 * REST API, the file page): the student exists and their file process runs (its id is kept), the
 * starting clerk may change this file, the business key is the student number, and the source has
 * what its note needs. A refusal starts nothing.
 */
@Component("studyDocumentStartListener")
class StudyDocumentStartListener implements ExecutionListener {

  private final StudentService students;
  private final StudyDocuments studyDocuments;
  private final StudyDocumentWorkflow workflow;
  private final FileAccessPolicy access;
  private final IdentityService identity;

  StudyDocumentStartListener(
      StudentService students,
      StudyDocuments studyDocuments,
      StudyDocumentWorkflow workflow,
      FileAccessPolicy access,
      IdentityService identity) {
    this.students = students;
    this.studyDocuments = studyDocuments;
    this.workflow = workflow;
    this.access = access;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    try {
      check(execution);
    } catch (ParvandehException e) {
      // Tasklist starts through submit-form, which answers a form validation failure with 400 and
      // an authorization
      // failure with 403, showing the message; both roll the start back.
      String message = e.messageFa() + " — " + e.messageEn() + " [" + e.code() + "]";
      if (e.status() == 403) {
        throw new AuthorizationException(message);
      }
      throw new FormFieldValidationException(e.code(), message, e);
    }
  }

  private void check(DelegateExecution execution) {
    StudyDocumentVariables variables = StudyDocumentVariables.of(execution);
    String typed = variables.studentNumber();
    StudentRef student = students.get(typed == null ? "" : typed);
    String number = student.studentNumber();
    variables.studentNumber(number);
    Authentication starter = identity.getCurrentAuthentication();
    if (starter != null) {
      CurrentUser user =
          new CurrentUser(
              starter.getUserId(),
              Set.copyOf(starter.getGroupIds() == null ? new HashSet<>() : starter.getGroupIds()));
      access.checkChange(user, student);
      variables.registeredBy(starter.getUserId());
    } else if (variables.registeredBy() == null) {
      throw ParvandehException.badRequest(
          "registered-by-required",
          "ثبت‌کننده مدرک معلوم نیست.",
          "Who registers the document is not known.");
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      execution.setProcessBusinessKey(number);
    } else if (!number.equals(PersianText.digits(businessKey))) {
      throw ParvandehException.badRequest(
          "business-key-mismatch",
          "کلید فرایند باید همان شماره دانشجویی باشد.",
          "The business key must be the student number.");
    } else {
      execution.setProcessBusinessKey(number);
    }
    variables.studentFileInstanceId(workflow.runningFileInstanceId(number));
    String source = variables.source();
    if (SOURCE_OFFICE_AUTOMATION.equals(source)) {
      Long documentId = variables.documentId();
      studyDocuments.studyDocumentOf(student.id(), documentId);
      variables.documentId(documentId);
    } else if (SOURCE_SERVICE_COUNTER.equals(source)) {
      StudyDocumentWorkflow.checkCounterReference(variables);
    } else {
      throw ParvandehException.badRequest(
          "unknown-source",
          "منبع مدرک باید اتوماسیون اداری یا پیشخوان خدمت باشد.",
          "The source must be OFFICE_AUTOMATION or SERVICE_COUNTER.");
    }
  }
}
