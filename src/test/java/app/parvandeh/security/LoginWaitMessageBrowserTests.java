package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.BrowserTest;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in page tells a throttled user, in Persian, to wait and for how long. */
class LoginWaitMessageBrowserTests extends BrowserTest {

  @Autowired IdentityService identity;
  @Autowired LoginThrottleProperties limits;

  @Test
  void afterTooManyWrongPasswordsTheSignInPageSaysHowLongToWait() {
    String clerk = "clerk.wait." + (100000 + ThreadLocalRandom.current().nextInt(900000));
    User user = identity.newUser(clerk);
    user.setFirstName("سارا");
    user.setLastName("رضایی");
    user.setPassword("Wait-Pass-2024");
    identity.saveUser(user);
    try {
      // By address, not "localhost", which Chromium may reach over IPv6: the same computer as the
      // guesses below.
      browser.driver().get("http://127.0.0.1:" + port + "/login");
      browser.driver().findElement(By.name("username")).sendKeys(clerk);
      browser.driver().findElement(By.name("password")).sendKeys("guess-again");
      // The guesses come fast, just before the click (the browser is slower than the test profile's
      // short window).
      ApiClient sameComputer = ApiClient.anonymous(port);
      for (int i = 0; i < limits.accountFailures(); i++) {
        assertThat(sameComputer.login(clerk, "guess-" + i).header("Location"))
            .contains("/login?error");
      }
      browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
      browser.waiting().until(ExpectedConditions.urlContains("/login?wait="));
      assertThat(browser.text())
          .contains("ورود از این دستگاه موقتاً بسته شده است")
          .contains("ثانیه")
          .contains("دوباره تلاش کنید");
    } finally {
      identity.deleteUser(clerk);
    }
  }
}
