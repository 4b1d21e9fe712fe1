package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.BrowserTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In headless Chromium: a student whose name and file name carry script and AngularJS payloads sees
 * them as text in the portal, and so does the faculty clerk in Tasklist's review form. Nothing
 * runs, nothing is evaluated.
 */
class XssBrowserTests extends BrowserTest {

  @Autowired StudentService students;

  @Test
  void payloadsInTheStudentsNameAndFileNameAreShownAsTextInThePortalAndInTasklist()
      throws IOException {
    XssTests.Admitted admitted = XssTests.admitWithPayloads(port, students, runtime, management);
    String number = admitted.student().studentNumber();
    FluentWait<WebDriver> wait = browser.waiting();

    browser.signIn(number, admitted.data().nationalId());
    wait.until(ExpectedConditions.urlContains("/portal/"));
    wait.until(d -> browser.text().contains(XssTests.FILE_PAYLOAD));
    assertShownAsText(XssTests.NAME_PAYLOAD, XssTests.LAST_NAME_PAYLOAD, XssTests.FILE_PAYLOAD);
    browser.screenshot("xss-1-portal");

    // The rest of the admission documents, then the faculty clerk opens the check in Tasklist.
    assertThat(
            admitted
                .api()
                .upload(
                    "/api/students/" + number + "/documents",
                    List.of(
                        new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg()),
                        new FilePart("NATIONAL_ID_CARD", "id.png", "image/png", DemoFiles.png()),
                        new FilePart(
                            "PREVIOUS_DEGREE_CERTIFICATE",
                            "diploma.pdf",
                            "application/pdf",
                            DemoFiles.pdf("d"))))
                .status())
        .isEqualTo(201);
    assertThat(admitted.api().post("/api/portal/submit").status()).isEqualTo(200);
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

    browser.forgetSession();
    browser.signIn("clerk.eng", "parvandeh");
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.go("/camunda/app/tasklist/default/#/?task=" + task);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.pv-card"), 4));
    wait.until(d -> browser.text().contains(XssTests.FILE_PAYLOAD));
    assertShownAsText(XssTests.NAME_PAYLOAD, XssTests.FILE_PAYLOAD);
    browser.screenshot("xss-2-tasklist-form");
  }

  private void assertShownAsText(String... payloads) {
    // Each payload, {{7*7}} included, appears literally: AngularJS did not evaluate it, the browser
    // did not parse it.
    String shown = browser.text();
    for (String payload : payloads) {
      assertThat(shown).contains(payload);
    }
    assertThat(browser.driver().findElements(By.cssSelector("img[src='x'], svg[onload], b")))
        .isEmpty();
    assertThat(
            browser
                .driver()
                .findElements(
                    By.xpath(
                        "//script[contains(., 'alert(2)') or contains(., 'alert(1)') or contains(., 'alert(4)')]")))
        .isEmpty();
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("a payload opened an alert");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }
}
