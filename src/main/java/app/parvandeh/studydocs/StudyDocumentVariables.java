package app.parvandeh.studydocs;

import static app.parvandeh.workflow.StudyDocumentProcess.VAR_COUNTER_DOCUMENT_TYPE;
import static app.parvandeh.workflow.StudyDocumentProcess.VAR_COUNTER_REQUEST_NUMBER;
import static app.parvandeh.workflow.StudyDocumentProcess.VAR_DOCUMENT_ID;
import static app.parvandeh.workflow.StudyDocumentProcess.VAR_REGISTERED_BY;
import static app.parvandeh.workflow.StudyDocumentProcess.VAR_SOURCE;
import static app.parvandeh.workflow.StudyDocumentProcess.VAR_STUDENT_FILE_INSTANCE_ID;
import static app.parvandeh.workflow.StudyDocumentProcess.VAR_STUDENT_NUMBER;

import app.parvandeh.shared.PersianText;
import app.parvandeh.workflow.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * StudyDocumentProcess's variables, typed. What a start gives (the Tasklist start form, the REST
 * API) is checked and rewritten by {@link StudyDocumentStartListener}; the steps after it read the
 * checked values.
 */
final class StudyDocumentVariables extends ProcessVariables {

  private StudyDocumentVariables(VariableScope scope) {
    super(scope);
  }

  private StudyDocumentVariables(Map<String, Object> variables) {
    super(variables);
  }

  static StudyDocumentVariables of(VariableScope scope) {
    return new StudyDocumentVariables(scope);
  }

  /** Over the variables a start from the file page is about to give the engine. */
  static StudyDocumentVariables of(Map<String, Object> variables) {
    return new StudyDocumentVariables(variables);
  }

  /** The student number as the start gave it (checked against the students, then rewritten). */
  String studentNumber() {
    return text(VAR_STUDENT_NUMBER);
  }

  void studentNumber(String number) {
    set(VAR_STUDENT_NUMBER, number);
  }

  /** Where the document comes from: {@code OFFICE_AUTOMATION} or {@code SERVICE_COUNTER}. */
  String source() {
    return text(VAR_SOURCE);
  }

  void source(String source) {
    set(VAR_SOURCE, source);
  }

  /**
   * The stored letter's id: a number, or digits as a form types them (Persian digits too); null
   * when it is neither.
   */
  Long documentId() {
    Object value = value(VAR_DOCUMENT_ID);
    if (value instanceof Number number) {
      return number.longValue();
    }
    String digits = PersianText.digits(value == null ? "" : value.toString());
    return digits.isEmpty() || digits.length() > 18 ? null : Long.valueOf(digits);
  }

  void documentId(Long id) {
    set(VAR_DOCUMENT_ID, id);
  }

  /** The service counter's request number, where the document lives. */
  String counterRequestNumber() {
    return text(VAR_COUNTER_REQUEST_NUMBER);
  }

  /** The kind of document the service counter issued. */
  String counterDocumentType() {
    return text(VAR_COUNTER_DOCUMENT_TYPE);
  }

  void counterReference(String requestNumber, String documentType) {
    set(VAR_COUNTER_REQUEST_NUMBER, requestNumber);
    set(VAR_COUNTER_DOCUMENT_TYPE, documentType);
  }

  /** The clerk who registered the document. */
  String registeredBy() {
    return text(VAR_REGISTERED_BY);
  }

  void registeredBy(String clerk) {
    set(VAR_REGISTERED_BY, clerk);
  }

  /** The running StudentFileProcess the document belongs to. */
  void studentFileInstanceId(String processInstanceId) {
    set(VAR_STUDENT_FILE_INSTANCE_ID, processInstanceId);
  }
}
