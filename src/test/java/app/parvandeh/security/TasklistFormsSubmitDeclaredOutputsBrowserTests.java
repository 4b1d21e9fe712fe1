package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.DueJobs;
import app.parvandeh.workflow.StudentFileProcess;
import java.io.IOException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The declared outputs hold in the real Tasklist too: its forms submit exactly the variables their
 * tasks declare, so the central clearance check, the graduates office's request and the issue of
 * the documents complete through Tasklist's own submit-form, in headless Chromium.
 */
class TasklistFormsSubmitDeclaredOutputsBrowserTests extends BrowserTest {

  @Autowired StudentService students;
  @Autowired GraduationClearance clearance;
  @Autowired StudyDocumentWorkflow studyDocuments;
  @Autowired HistoryService history;

  @Test
  void theClearanceAndGraduationFormsCompleteInTasklistWithTheirDeclaredOutputs()
      throws IOException {
    ClearanceFixture file =
        ClearanceFixture.at(
            ClearanceFixture.Step.CENTRAL_CHECK,
            new ClearanceFixture.Services(
                students, studyDocuments, clearance, runtime, tasks, management));
    String instance = DueJobs.fileInstanceOf(runtime, file.number());

    FluentWait<WebDriver> wait = browser.waiting();
    browser.signIn("central.records", "parvandeh");
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    open(file.taskId());
    browser.press(
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[name='pv-decision'][value='complete']"))));
    browser.screenshot("declared-1-clearance-check");
    complete(file.taskId());
    DueJobs.run(management, instance);
    assertThat(runtime.getVariable(instance, StudentFileProcess.VAR_FILE_COMPLETE)).isEqualTo(true);

    browser.forgetSession();
    browser.signIn("graduates.office", "parvandeh");
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    Task request = waitingAt(instance, StudentFileProcess.TASK_AWAIT_GRADUATION_REQUEST);
    open(request.getId());
    browser.press(
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[cam-variable-name='graduateAskedInPerson']"))));
    assertShowsTheStudent(file);
    browser.screenshot("declared-2-graduation-request");
    complete(request.getId());
    DueJobs.run(management, instance);

    Task issue = waitingAt(instance, StudentFileProcess.TASK_ISSUE_GRADUATION_DOCUMENTS);
    open(issue.getId());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("pv-issued")))
        .sendKeys("دانشنامه، ریزنمرات");
    assertShowsTheStudent(file);
    browser.screenshot("declared-3-issue-documents");
    complete(issue.getId());
    DueJobs.run(management, instance);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName(StudentFileProcess.VAR_ISSUED_DOCUMENTS)
                .singleResult()
                .getValue())
        .isEqualTo("دانشنامه، ریزنمرات");
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count())
        .as("the file moved past issuing")
        .isZero();
  }

  /** The graduates office sees whom it issues for: the shared student header opens the form. */
  private void assertShowsTheStudent(ClearanceFixture file) {
    String header = "[data-pv='student'][data-student-number='" + file.number() + "']";
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(header)));
    assertThat(browser.driver().findElement(By.cssSelector(header)).getText())
        .contains(PersianText.toPersianDigits(file.number()), file.student().fullName());
  }

  private void open(String taskId) throws IOException {
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
    try {
      browser.press(
          browser
              .waiting()
              .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))));
    } catch (RuntimeException e) {
      browser.screenshot("declared-no-claim-" + taskId);
      throw new AssertionError(
          "Tasklist shows no claim button for " + taskId + ": " + browser.text(), e);
    }
  }

  private void complete(String taskId) throws IOException {
    browser
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("button.btn-primary")).stream()
                    .anyMatch(b -> b.getText().strip().equals("تکمیل") && b.isEnabled()));
    browser.driver().findElements(By.cssSelector("button.btn-primary")).stream()
        .filter(b -> b.getText().strip().equals("تکمیل"))
        .findFirst()
        .ifPresent(browser::press);
    try {
      browser.waiting().until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
      // Tasklist leaves the completed task (drops it from the address) only once the answer to
      // its submit arrives, which may be after the engine shows the task gone; a task opened
      // before that would be closed again under the test.
      browser.waiting().until(d -> !d.getCurrentUrl().contains("task=" + taskId));
    } catch (RuntimeException e) {
      browser.screenshot("declared-failed-" + taskId);
      throw new AssertionError("Tasklist did not complete the task: " + browser.text(), e);
    }
  }

  private Task waitingAt(String instance, String activity) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(activity)
        .singleResult();
  }
}
