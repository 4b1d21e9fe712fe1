package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.intake.internal.EntryOutcome;
import app.parvandeh.intake.internal.RowOutcome;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.TestStudents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Central admission's intake pages in a real browser: the cohort list's progress, and the unmatched
 * queue.
 */
class IntakePagesBrowserTests extends BrowserTest {

  @Autowired StudentService students;

  /**
   * Signs in and waits for the landing page, so the next page is not asked for on the login page's
   * session.
   */
  private void signIn() {
    browser.signIn("central.admission", "parvandeh");
    browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
  }

  @Test
  void theCohortPageShowsTheImportToItsEndWithTheRejectedRowFirst() throws IOException {
    CohortList list = CohortList.create().row().row().set("national_id", "0012345678").row();
    Path csv = Files.createTempFile("cohort-", ".csv");
    Files.write(csv, list.bytes());
    signIn();
    browser.go("/intake/cohort.html");
    browser.waiting().until(d -> !d.findElements(By.id("file")).isEmpty());

    browser.driver().findElement(By.id("file")).sendKeys(csv.toString());
    browser.press(browser.driver().findElement(By.cssSelector("#upload-form button")));

    browser
        .waiting()
        .until(
            d -> browser.driver().findElement(By.id("progress-text")).getText().contains("پایان"));
    browser
        .waiting()
        .until(d -> !browser.driver().findElements(By.cssSelector("#rows tr")).isEmpty());
    assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("dir"))
        .isEqualTo("rtl");
    assertThat(browser.driver().findElement(By.id("progress-text")).getText()).startsWith("۳ از ۳");
    assertThat(browser.driver().findElement(By.id("accepted")).getText()).isEqualTo("۲");
    WebElement first = browser.driver().findElement(By.cssSelector("#rows tr"));
    assertThat(first.getText()).contains(RowOutcome.REJECTED.labelFa()).contains("رقم کنترل");
    assertThat(browser.driver().findElement(By.cssSelector(".counts")).getText())
        .as("the counts are named as the server names the outcomes")
        .contains(RowOutcome.ACCEPTED.labelFa() + ": ۲", RowOutcome.REJECTED.labelFa() + ": ۱");
    assertThat(browser.driver().getCurrentUrl()).contains("?id=");
    browser.screenshot("intake-cohort-report");
    Files.delete(csv);
  }

  @Test
  void aClerkAssignsAnUnmatchedCardFromTheQueue() throws IOException {
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1403, false), "central.admission");
    String name = "scan-" + student.studentNumber() + "-card.pdf";
    Path zip = Files.createTempFile("cards-", ".zip");
    Files.write(zip, CardArchive.create().add(name, CardArchive.pdf()).bytes());
    signIn();
    browser.go("/intake/batches.html");
    browser.waiting().until(d -> !d.findElements(By.id("file")).isEmpty());

    browser.driver().findElement(By.id("file")).sendKeys(zip.toString());
    browser.press(browser.driver().findElement(By.cssSelector("#upload-form button")));
    By waiting = By.xpath("//tbody[@id='queue']/tr[td[2]/bdi[text()='" + name + "']]");
    browser.waiting().until(d -> !d.findElements(waiting).isEmpty());
    By entry = By.xpath("//tbody[@id='entries']/tr[td[2]/bdi[text()='" + name + "']]");
    browser.waiting().until(d -> !d.findElements(entry).isEmpty());
    assertThat(browser.driver().findElement(entry).getText())
        .contains(EntryOutcome.UNMATCHED.labelFa());
    WebElement row = browser.driver().findElement(waiting);
    assertThat(row.findElement(By.tagName("select")).getText())
        .as("the types are offered by the catalogue's names (GET /api/labels)")
        .contains("کارت آزمون", "کارنامه محرمانه");
    row.findElement(By.name("studentNumber")).sendKeys(student.studentNumber());
    browser.press(row.findElement(By.cssSelector("form button")));

    browser.waiting().until(d -> d.findElements(waiting).isEmpty());
    assertThat(browser.driver().findElement(By.id("message")).getText()).isEqualTo("ثبت شد.");
    Files.delete(zip);
  }
}
