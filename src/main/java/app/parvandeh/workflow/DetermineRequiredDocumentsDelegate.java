package app.parvandeh.workflow;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.Requirement;
import app.parvandeh.document.Supplier;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
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
                        (String) row.get("documentType"),
                        Supplier.valueOf((String) row.get("supplier"))))
            .toList();
    documents.recordRequirements(student.id(), requirements);
  }
}
