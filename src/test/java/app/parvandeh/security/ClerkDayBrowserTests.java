package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.BrowserTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clerk's day as each demo role sees it in headless Chromium: every role's working screen fits a phone (390 px), a
 * tablet (768 px) and a desk (1,400 px) without sideways scrolling; the task list says whose file each task is; a
 * process owner lands in Cockpit and is told in Persian, on our layout, when a screen is not theirs; a student signs
 * in typing the national ID in Persian digits. Screenshots in {@code target/browser-screenshots/day-*}.
 */
class ClerkDayBrowserTests extends BrowserTest {

  static final int[] WIDTHS = {390, 768, 1400};

  @Autowired
  StudentService students;

  record Screen(String name, String user, String password, String path, String loadedText) {}

  @Test
  void everyRolesWorkingScreenFitsAPhoneATabletAndADesk() throws IOException {
    List<Screen> screens = List.of(
        new Screen("portal", "4021100001", "0012345679", "/portal/", "مدارک"),
        new Screen("file", "clerk.eng", "parvandeh", "/file/?n=4021100001", "گردش کار پرونده"),
        new Screen("stuck", "manager", "parvandeh", "/reports/stuck.html", "پرونده‌های معطل"),
        new Screen("notes", "central.records", "parvandeh", "/reports/notes.html", "گزارش ۱۱۲"));
    List<String> problems = new ArrayList<>();
    String signedIn = null;
    for (Screen screen : screens) {
      if (!screen.user().equals(signedIn)) {
        browser.forgetSession();
        browser.viewport(1400, 1000);
        browser.signIn(screen.user(), screen.password());
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        signedIn = screen.user();
      }
      for (int width : WIDTHS) {
        browser.viewport(width, width < 800 ? 844 : 1000);
        browser.go(screen.path());
        browser.waiting().until(d -> browser.text().contains(screen.loadedText()));
        browser.waiting().until(d -> !browser.text().contains("در حال دریافت"));
        browser.screenshot("day-" + screen.name() + "-" + width);
        List<String> overflow = browser.sidewaysOverflow();
        if (!overflow.isEmpty()) {
          problems.add(screen.name() + " at " + width + " px: " + overflow);
        }
      }
    }
    assertThat(problems).as("screens that scroll sideways").isEmpty();
  }

  @Test
  void theTaskListSaysWhoseFileEachTaskIs() throws IOException {
    FileFixture file = FileFixture.admit(port, FileFixture.bachelor("engineering"), FileFixture.ADMISSION_1402, true,
        students, runtime, management, tasks);
    String number = PersianText.toPersianDigits(file.number());

    browser.signIn("clerk.eng", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    wait.until(d -> !d.findElements(By.cssSelector(".tasks-list li, [cam-tasks] li")).isEmpty());
    wait.until(d -> browser.text().contains(number + " " + file.student().getFullName()));
    browser.screenshot("day-tasklist-names");

    browser.go("/camunda/app/tasklist/default/#/?task=" + file.checkTaskId());
    wait.until(d -> !d.findElements(By.cssSelector("[data-pv='student'][data-student-number='" + file.number()
        + "']")).isEmpty());
    assertThat(browser.driver().findElement(By.cssSelector("[data-pv='student']")).getText())
        .contains(number, file.student().getFullName());
  }

  @Test
  void aProcessOwnerLandsInCockpitAndIsToldInPersianWhenTasklistIsNotTheirs() throws IOException {
    browser.signIn("process.owner", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
    browser.screenshot("day-process-owner-landing");

    browser.go("/camunda/app/tasklist/default/");
    wait.until(d -> browser.text().contains("اجازه دیدن این صفحه را ندارید"));
    browser.screenshot("day-process-owner-tasklist-refused");
    assertThat(browser.text()).contains("۴۰۳", "رفتن به صفحه کار من").doesNotContain("Whitelabel");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    browser.driver().findElement(By.linkText("رفتن به صفحه کار من")).click();
    wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
  }

  @Test
  void aStudentSignsInTypingTheNationalIdInPersianDigits() throws IOException {
    browser.signIn("۴۰۲۱۱۰۰۰۰۱", "۰۰۱۲۳۴۵۶۷۹");

    browser.waiting().until(ExpectedConditions.urlContains("/portal/"));
    browser.waiting().until(d -> browser.text().contains("نگار"));
    browser.screenshot("day-student-persian-digits");
  }
}
