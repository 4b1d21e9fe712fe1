package app.parvandeh.web;

import static app.parvandeh.web.DocumentTextSearchScenario.arabic;
import static app.parvandeh.web.DocumentTextSearchScenario.persian;
import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentTextIndex;
import app.parvandeh.document.PersianPages;
import app.parvandeh.document.PersianPages.Producer;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search inside documents as the clerk and the manager see it: the file page's document search
 * shows a hit's page and its passage with the typed words marked; the archive report page shows the
 * text index's progress and refreshes it while versions wait.
 */
class DocumentTextSearchBrowserTests extends BrowserTest {

  @Autowired StudentService students;
  @Autowired DocumentTextIndex index;

  @Test
  void aWordOnTheSecondPageIsFoundFromTheFilePageWithItsPageAndMarkedPassage() throws Exception {
    String marker = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(900000));
    JsonNode letter =
        letter(
            marker,
            List.of(
                List.of("نامه اداره آموزش"),
                List.of("گواهی می‌شود دانشجوی کارشناسی", "به شماره ثبت " + persian(marker))));
    index.runFor(List.of(letter.at("/current/id").asLong()));

    browser.signIn("clerk.eng", "parvandeh");
    browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    browser.go("/file/");
    WebElement box = browser.waiting().until(d -> d.findElement(By.id("dq")));
    box.sendKeys("كارشناسي " + arabic(marker));
    browser.press(
        browser.driver().findElement(By.cssSelector("#doc-search-form button[type=submit]")));

    WebElement passage =
        browser.waiting().until(d -> d.findElement(By.cssSelector("#doc-results .passage")));
    assertThat(passage.findElement(By.tagName("small")).getText()).contains("صفحه ۲");
    assertThat(passage.getText()).contains("دانشجوی کارشناسی", persian(marker));
    assertThat(passage.findElements(By.tagName("mark")).stream().map(WebElement::getText))
        .containsExactlyInAnyOrder("کارشناسی", persian(marker));
    assertThat(browser.driver().findElements(By.cssSelector("#doc-results li"))).hasSize(1);
    browser.screenshot("document-text-search");
  }

  @Test
  void theArchiveReportPageShowsTheTextIndexProgressAndRefreshesItWhileDocumentsWait()
      throws Exception {
    String marker = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(900000));
    JsonNode letter = letter(marker, List.of(List.of("گزارش پیشرفت نمایه " + persian(marker))));

    browser.signIn("manager", "parvandeh");
    browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    browser.go("/reports/fixity.html");
    browser.waiting().until(d -> d.findElement(By.id("text-index-panel")).isDisplayed());
    assertThat(browser.driver().findElement(By.id("text-index-state")).getText())
        .contains("تازه می‌شود");
    long indexed = shownIndexed();
    assertThat(shownCount(2)).isPositive();

    index.runFor(List.of(letter.at("/current/id").asLong()));
    browser.waiting().until(d -> shownIndexed() > indexed);
    browser.screenshot("text-index-progress");
  }

  @Test
  void theTextIndexPanelStaysHiddenFromAFacultyClerk() throws Exception {
    browser.signIn("clerk.eng", "parvandeh");
    browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    browser.go("/reports/fixity.html");
    browser
        .waiting()
        .until(d -> !d.findElement(By.id("message")).getText().contains("در حال دریافت"));
    assertThat(browser.driver().findElement(By.id("text-index-panel")).isDisplayed()).isFalse();
  }

  private long shownIndexed() {
    return shownCount(1);
  }

  private long shownCount(int column) {
    return Long.parseLong(
        browser
            .driver()
            .findElement(By.cssSelector("#text-index td:nth-child(" + column + ")"))
            .getAttribute("data-count"));
  }

  private JsonNode letter(String marker, List<List<String>> pages) {
    String number =
        students
            .admit(TestStudents.newStudent("engineering", 1402, false), "admission-office")
            .studentNumber();
    return DocumentTextSearchScenario.register(
        ApiClient.signedIn(port, "clerk.eng", "parvandeh"),
        number,
        "نامه " + marker,
        "letter.pdf",
        "application/pdf",
        PersianPages.textPdf(pages, Producer.LOGICAL_GLYPHS));
  }
}
