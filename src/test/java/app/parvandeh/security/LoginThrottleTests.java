package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's counting on its own, with a clock the test moves. */
class LoginThrottleTests {

  static final Duration WINDOW = Duration.ofMinutes(15);

  final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T08:00:00Z"));
  final LoginThrottle throttle =
      new LoginThrottle(new LoginThrottleProperties(5, 30, WINDOW, 100), clock);

  @Test
  void fiveWrongPasswordsMakeThatClientWaitForThatAccountOnly() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", "clerk.hum");
      assertThat(throttle.waitFor("10.0.0.1", "clerk.hum")).isEmpty();
    }
    throttle.failed("10.0.0.1", "clerk.hum");
    assertThat(throttle.waitFor("10.0.0.1", "clerk.hum")).contains(WINDOW);
    assertThat(throttle.waitFor("10.0.0.2", "clerk.hum")).as("the owner's computer").isEmpty();
    assertThat(throttle.waitFor("10.0.0.1", "clerk.eng")).as("another account").isEmpty();
  }

  @Test
  void theAccountCountsHoweverItIsSpelled() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.1", i % 2 == 0 ? "Clerk.Hum" : "clerk.hum");
    }
    assertThat(throttle.waitFor("10.0.0.1", "CLERK.HUM")).isPresent();
  }

  @Test
  void theWaitShrinksAndEndsWithTheWindow() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.1", "clerk.hum");
    }
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.waitFor("10.0.0.1", "clerk.hum")).contains(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("10.0.0.1", "clerk.hum")).isEmpty();
    throttle.failed("10.0.0.1", "clerk.hum");
    assertThat(throttle.waitFor("10.0.0.1", "clerk.hum")).as("a new window, one failure").isEmpty();
  }

  @Test
  void theRightPasswordStartsThePairAgainButNotTheClientsCountAcrossAccounts() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1", "clerk.hum");
    }
    throttle.succeeded("10.0.0.1", "clerk.hum");
    throttle.failed("10.0.0.1", "clerk.hum");
    assertThat(throttle.waitFor("10.0.0.1", "clerk.hum")).isEmpty();

    for (int i = 0; i < 30; i++) {
      throttle.failed("10.0.0.9", "user" + i);
      throttle.succeeded("10.0.0.9", "own.account");
    }
    assertThat(throttle.waitFor("10.0.0.9", "anyone")).as("sprayed 30 accounts").isPresent();
    assertThat(throttle.waitFor("10.0.0.8", "anyone")).isEmpty();
  }

  @Test
  void theCountersStayWithinTheirBoundUnderAFloodOfClients() {
    throttle.failed("10.0.0.1", "clerk.hum");
    for (int i = 0; i < 1000; i++) {
      throttle.failed("10.1." + (i / 250) + "." + (i % 250), "user" + i);
      throttle.failed("10.0.0.1", "clerk.hum");
      throttle.waitFor("10.0.0.1", "clerk.hum");
    }
    assertThat(throttle.tracked()).isLessThanOrEqualTo(100);
    assertThat(throttle.waitFor("10.0.0.1", "clerk.hum"))
        .as("the busy guesser is never the one forgotten")
        .isPresent();
  }

  @Test
  void theMessageSaysHowLongToWaitInPersian() {
    assertThat(LoginThrottle.messageFa(Duration.ofSeconds(90)))
        .contains("۲ دقیقه")
        .contains("دوباره تلاش کنید");
    assertThat(LoginThrottle.messageFa(Duration.ofMillis(2500))).contains("۳ ثانیه");
    assertThat(LoginThrottle.seconds(Duration.ofMillis(2500))).isEqualTo(3);
  }
}
