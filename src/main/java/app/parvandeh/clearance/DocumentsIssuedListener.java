package app.parvandeh.clearance;

import app.parvandeh.workflow.FileKeys;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A graduates-office clerk completed an "issue documents" task: who issued them is kept for the
 * file note. A named bean instead of {@code ${task.setVariable(...)}} in the model, because
 * deployed models may not call methods on the task (see {@code workflow.ModelExpressions}). Public
 * for StudentFileProcessTests, which runs the whole model from the workflow package.
 */
@Component("documentsIssuedListener")
public class DocumentsIssuedListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ClearanceVariables.of(task).issuedBy(FileKeys.actorOf(task));
  }
}
