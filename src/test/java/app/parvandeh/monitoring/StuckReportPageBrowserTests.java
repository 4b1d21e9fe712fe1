package app.parvandeh.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.TestStudents;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stuck-files page shows one page of the report, where it stands in the total, and pages on.
 */
class StuckReportPageBrowserTests extends BrowserTest {

  @Autowired StudentService students;

  @Test
  void theManagerPagesThroughTheReportAndSeesWhichFilesOfHowManyAreShown() throws Exception {
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");
    // more than one page of 50 (the shared context's other files count too), opened before the
    // clock moves on 40 days, so that their open steps are idle by then
    for (int round = 0; stuckIn40Days(manager) <= 50; round++) {
      assertThat(round).as("files opened do not turn up as stuck").isLessThan(10);
      for (int i = 0; i < 10; i++) {
        StudentRef student =
            students.admit(TestStudents.newStudent("engineering", 1402, false), "admission-office");
        DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
      }
    }
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(40))));
    try {
      long total = total(manager);
      browser.signIn("manager", "parvandeh");
      browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
      browser.go("/reports/stuck.html");
      browser.waiting().until(d -> d.findElement(By.id("message")).getText().contains(" از "));
      assertThat(browser.driver().findElement(By.id("message")).getText())
          .startsWith("موارد ۱ تا ۵۰ از " + PersianText.toPersianDigits(String.valueOf(total)));
      assertThat(browser.driver().findElements(By.cssSelector("#files tr"))).hasSize(50);
      WebElement previous = browser.driver().findElement(By.id("previous"));
      WebElement next = browser.driver().findElement(By.id("next"));
      assertThat(previous.isEnabled()).isFalse();
      assertThat(browser.driver().findElement(By.id("page-of")).getText()).startsWith("صفحه ۱ از ");
      String firstRow = browser.driver().findElement(By.cssSelector("#files tr")).getText();

      browser.press(next);
      browser
          .waiting()
          .until(d -> d.findElement(By.id("message")).getText().startsWith("موارد ۵۱ تا "));
      assertThat(browser.driver().findElement(By.id("page-of")).getText()).startsWith("صفحه ۲ از ");
      assertThat(browser.driver().findElement(By.cssSelector("#files tr")).getText())
          .isNotEqualTo(firstRow);
      assertThat(previous.isEnabled()).isTrue();

      browser.press(previous);
      browser
          .waiting()
          .until(d -> d.findElement(By.id("message")).getText().startsWith("موارد ۱ تا ۵۰"));
      assertThat(browser.driver().findElement(By.cssSelector("#files tr")).getText())
          .isEqualTo(firstRow);
      assertThat(browser.consoleErrors()).isEmpty();
      browser.screenshot("stuck-files-pages");
    } finally {
      ClockUtil.reset();
    }
  }

  private static long stuckIn40Days(ApiClient manager) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(40))));
    try {
      return total(manager);
    } finally {
      ClockUtil.reset();
    }
  }

  private static long total(ApiClient manager) {
    return manager.get("/api/reports/stuck?size=1").json().get("total").asLong();
  }
}
