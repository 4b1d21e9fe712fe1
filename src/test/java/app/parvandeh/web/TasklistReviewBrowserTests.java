package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.TestStudents;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A faculty clerk works the admission check in the real Tasklist, in headless Debian Chromium:
 * signs in once, claims, rejects one document with a reason that carries script and AngularJS
 * payloads, accepts the rest, completes; the student then sees the reason as plain text in the
 * portal. Screenshots go to {@code target/browser-screenshots}. Runs where Chromium and
 * ChromeDriver are installed (CI installs them).
 */
class TasklistReviewBrowserTests extends BrowserTest {

  static final String PAYLOAD = "ناخوانا {{7*7}} <img src=x onerror=alert(1)>";

  @Autowired StudentService students;
  @Autowired DocumentService documents;

  @Test
  void aClerkReviewsInTasklistAndTheStudentSeesTheReasonAsText() throws IOException {
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    StudentRef student = students.admit(data, "admission-office");
    String instance = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    DueJobs.run(management, instance);
    ApiClient studentApi = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    assertThat(
            studentApi
                .upload(
                    "/api/students/" + student.studentNumber() + "/documents",
                    List.of(
                        new FilePart("PHOTO", "عکس.jpg", "image/jpeg", DemoFiles.jpeg()),
                        new FilePart(
                            "NATIONAL_ID_CARD",
                            "کارت ملی.pdf",
                            "application/pdf",
                            DemoFiles.pdf("national id")),
                        new FilePart(
                            "BIRTH_CERTIFICATE", "شناسنامه.png", "image/png", DemoFiles.png()),
                        new FilePart(
                            "PREVIOUS_DEGREE_CERTIFICATE",
                            "دیپلم.pdf",
                            "application/pdf",
                            DemoFiles.pdf("diploma"))))
                .status())
        .isEqualTo(201);
    assertThat(studentApi.post("/api/portal/submit").status()).isEqualTo(200);
    Task check = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    browser.signIn("clerk.eng", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.go("/camunda/app/tasklist/default/#/?task=" + check.getId());
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))).click();
    List<WebElement> cards =
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.pv-card"), 4));
    wait.until(
        ExpectedConditions.elementToBeClickable(
            cards.get(0).findElement(By.cssSelector("button.btn-success"))));
    assertThat(browser.text()).contains("بررسی مدارک پذیرش");
    browser.screenshot("1-claimed-form");

    // The form redraws a card after each decision, so cards are found again by their document id.
    List<String> ids = cards.stream().map(c -> c.getAttribute("data-document-id")).toList();
    String rejectedId = ids.get(0);
    card(rejectedId).findElement(By.tagName("textarea")).sendKeys(PAYLOAD);
    browser.press(card(rejectedId).findElement(By.cssSelector("button.btn-danger")));
    wait.until(d -> card(rejectedId).getAttribute("class").contains("pv-decided-REJECTED"));
    for (String id : ids.subList(1, ids.size())) {
      browser.press(card(id).findElement(By.cssSelector("button.btn-success")));
      wait.until(d -> card(id).getAttribute("class").contains("pv-decided-ACCEPTED"));
    }
    browser.screenshot("2-decided");
    browser.driver().findElements(By.cssSelector("button.btn-primary")).stream()
        .filter(b -> b.getText().strip().equals("تکمیل"))
        .findFirst()
        .ifPresentOrElse(
            browser::press,
            () -> {
              throw new AssertionError("Tasklist shows no complete button");
            });
    wait.until(d -> tasks.createTaskQuery().taskId(check.getId()).count() == 0);
    browser.screenshot("3-completed");

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_CorrectRejectedDocuments");
    DocumentView stored =
        documents.documentsOf(student.id()).stream()
            .filter(d -> d.id().toString().equals(rejectedId))
            .findFirst()
            .orElseThrow();
    assertThat(stored.current().facultyReview().reason()).isEqualTo(PAYLOAD);
    assertThat(stored.current().facultyReview().reviewer()).isEqualTo("clerk.eng");

    browser.forgetSession();
    browser.signIn(student.studentNumber(), data.nationalId());
    wait.until(ExpectedConditions.urlContains("/portal/"));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("{{7*7}}"));
    String portalText = browser.text();
    assertThat(portalText).contains(PAYLOAD).doesNotContain("ناخوانا 49");
    assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
    browser.screenshot("4-portal-rejection");
  }

  private WebElement card(String documentId) {
    return browser
        .driver()
        .findElement(By.cssSelector("article.pv-card[data-document-id='" + documentId + "']"));
  }
}
