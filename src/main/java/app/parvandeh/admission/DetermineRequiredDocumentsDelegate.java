package app.parvandeh.admission;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.Requirement;
import app.parvandeh.document.Supplier;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.FileKeys;
import app.parvandeh.workflow.StudentDecisions;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Evaluates RequiredDocuments.dmn on the student's attributes and records the checklist on their
 * file.
 */
@Component("determineRequiredDocumentsDelegate")
class DetermineRequiredDocumentsDelegate implements JavaDelegate {

  /** RequiredDocuments.dmn's outputs: one row per document the file needs. */
  private static final String OUTPUT_DOCUMENT_TYPE = "documentType";

  private static final String OUTPUT_SUPPLIER = "supplier";

  private final StudentService students;
  private final DocumentService documents;

  DetermineRequiredDocumentsDelegate(StudentService students, DocumentService documents) {
    this.students = students;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StudentRef student = students.get(FileKeys.studentNumberOf(execution));
    DmnDecisionResult result =
        StudentDecisions.evaluate(
            execution.getProcessEngineServices().getDecisionService(),
            StudentFileProcess.DECISION_REQUIRED_DOCUMENTS,
            student);
    List<Requirement> requirements =
        result.stream()
            .map(
                row ->
                    new Requirement(
                        row.<String>getEntry(OUTPUT_DOCUMENT_TYPE),
                        Supplier.valueOf(row.<String>getEntry(OUTPUT_SUPPLIER))))
            .toList();
    documents.recordRequirements(student.id(), requirements);
  }
}
