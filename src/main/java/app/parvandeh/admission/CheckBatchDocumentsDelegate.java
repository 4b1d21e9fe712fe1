package app.parvandeh.admission;

import app.parvandeh.document.BatchDocuments;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets {@code batchDocumentsInFile}: whether the exam card and report card the checklist asks for
 * have arrived.
 */
@Component("checkBatchDocumentsDelegate")
class CheckBatchDocumentsDelegate implements JavaDelegate {

  private final StudentService students;
  private final BatchDocuments documents;

  CheckBatchDocumentsDelegate(StudentService students, BatchDocuments documents) {
    this.students = students;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long studentId = students.get(FileKeys.studentNumberOf(execution)).id();
    AdmissionVariables.of(execution)
        .batchDocumentsInFile(documents.missingBatchDocuments(studentId).isEmpty());
  }
}
