package app.parvandeh.security;

import app.parvandeh.shared.PersianText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one throttle every password check goes through (our form login, HTTP Basic on {@code
 * /engine-rest}, the Camunda webapps' own login). Wrong passwords are counted per (client address,
 * account), so a stranger who guesses wrong only locks themselves out, never the account's owner on
 * another computer, and per client across accounts (a looser limit), so one client cannot spray
 * guesses over many accounts. A client over a limit waits out the rest of the window; the counters
 * then start again.
 *
 * <p>The counters live in memory, bounded by {@code max-tracked}: when full, the least recently
 * touched counter is forgotten. A client that keeps failing keeps its counter fresh, so it is never
 * the one forgotten.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

  private final LoginThrottleProperties limits;
  private final Clock clock;
  private final Map<String, Window> windows;

  LoginThrottle(LoginThrottleProperties limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.windows =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > limits.maxTracked();
          }
        };
  }

  /**
   * How long this client must still wait before trying a password for this account; empty when it
   * may try.
   */
  public synchronized Optional<Duration> waitFor(String client, String account) {
    Instant now = clock.instant();
    Duration pair = waitFor(pairKey(client, account), limits.accountFailures(), now);
    Duration anyAccount = waitFor(clientKey(client), limits.clientFailures(), now);
    Duration longest = pair.compareTo(anyAccount) >= 0 ? pair : anyAccount;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Counts a wrong password from this client for this account. */
  public synchronized void failed(String client, String account) {
    Instant now = clock.instant();
    count(pairKey(client, account), now);
    count(clientKey(client), now);
  }

  /**
   * The right password: this client's count for this account starts again. Its count across
   * accounts stays, or a client could clear it by signing in to an account of its own between
   * guesses.
   */
  public synchronized void succeeded(String client, String account) {
    windows.remove(pairKey(client, account));
  }

  synchronized int tracked() {
    return windows.size();
  }

  private Duration waitFor(String key, int limit, Instant now) {
    Window window = windows.get(key);
    if (window == null) {
      return Duration.ZERO;
    }
    Instant ends = window.start.plus(limits.window());
    if (!now.isBefore(ends)) {
      windows.remove(key);
      return Duration.ZERO;
    }
    return window.failures >= limit ? Duration.between(now, ends) : Duration.ZERO;
  }

  private void count(String key, Instant now) {
    Window window = windows.get(key);
    if (window == null || !now.isBefore(window.start.plus(limits.window()))) {
      windows.put(key, new Window(now, 1));
    } else {
      window.failures++;
    }
  }

  private static String pairKey(String client, String account) {
    return client + "\n" + account(account);
  }

  private static String clientKey(String client) {
    return client;
  }

  /**
   * The same account however it is typed (Persian digits, letter case), so spelling it differently
   * counts too.
   */
  static String account(String account) {
    return PersianText.normalize(account);
  }

  /** The refusal's text: how long to wait, in Persian and in English. */
  public static String messageFa(Duration wait) {
    long seconds = seconds(wait);
    String amount =
        seconds >= 60
            ? PersianText.toPersianDigits(String.valueOf((seconds + 59) / 60)) + " دقیقه"
            : PersianText.toPersianDigits(String.valueOf(seconds)) + " ثانیه";
    return "به دلیل چند ورود ناموفق، ورود از این دستگاه موقتاً بسته شده است؛ لطفاً "
        + amount
        + " دیگر دوباره تلاش کنید.";
  }

  public static String messageEn(Duration wait) {
    return "Too many failed sign-ins from this device; try again in " + seconds(wait) + " seconds.";
  }

  /** Whole seconds, rounded up, as a Retry-After header gives them. */
  public static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private static final class Window {
    final Instant start;
    int failures;

    Window(Instant start, int failures) {
      this.start = start;
      this.failures = failures;
    }
  }
}
