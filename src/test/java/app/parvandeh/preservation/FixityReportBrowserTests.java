package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager runs a fixity audit of the whole archive from the Persian report page and sees it
 * listed.
 */
class FixityReportBrowserTests extends BrowserTest {

  @Test
  void aManagerStartsAnAuditFromTheReportPageAndSeesTheRunAndTheReplicasBacklog() throws Exception {
    browser.signIn("manager", "parvandeh");
    browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    browser.go("/reports/fixity.html");
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("backlog"), "فعال"));

    browser.press(browser.driver().findElement(By.cssSelector("#controls button[type=submit]")));

    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "پایان یافته"));
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs"), "کل بایگانی"));
    browser
        .waiting()
        .until(
            d -> d.findElement(By.id("findings-title")).getText().contains("یافته‌های پایش شماره"));
    browser.screenshot("fixity-report");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir"))
        .isEqualTo("rtl");
  }
}
