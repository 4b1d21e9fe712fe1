package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.security.FileFixture;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.BrowserTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The file page names actions and degrees as the server does (GET /api/labels) and offers the
 * export to those the server says may export (GET /api/me), not to a list of groups copied into the
 * page.
 */
class FilePageBrowserTests extends BrowserTest {

  @Autowired StudentService students;

  @Test
  void aManagerIsOfferedTheExportAndReadsTheHistoryInPersian() throws IOException {
    openANewFileAs("manager");
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("export-file")));
    List<String> actions =
        browser.driver().findElements(By.cssSelector("#history tr td:nth-child(3)")).stream()
            .map(WebElement::getText)
            .toList();

    assertThat(actions).contains("ایجاد پرونده").noneMatch(a -> a.matches("[A-Z_]+"));
    browser.screenshot("file-page-manager");
  }

  @Test
  void aFacultyClerkEditsWithPersianDegreesAndIsNotOfferedTheExport() throws IOException {
    openANewFileAs("clerk.eng");
    WebElement edit =
        browser
            .waiting()
            .until(
                d ->
                    d.findElements(By.cssSelector("#file button")).stream()
                        .filter(b -> b.getText().contains("اصلاح اطلاعات پرونده"))
                        .findFirst()
                        .orElse(null));
    browser.press(edit);
    List<String> degrees =
        browser
            .waiting()
            .until(
                d -> {
                  List<String> options =
                      d
                          .findElements(
                              By.cssSelector("#edit-student select[name='degree'] option"))
                          .stream()
                          .map(WebElement::getText)
                          .toList();
                  return options.isEmpty() ? null : options;
                });

    assertThat(degrees).containsExactly("کارشناسی", "کارشناسی ارشد", "دکتری");
    assertThat(browser.driver().findElements(By.id("export-file"))).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private void openANewFileAs(String user) {
    StudentRef student = students.admit(FileFixture.bachelor("engineering"), "admission-office");
    browser.signIn(user, "parvandeh");
    browser.waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.go("/file/?n=" + student.studentNumber());
  }
}
