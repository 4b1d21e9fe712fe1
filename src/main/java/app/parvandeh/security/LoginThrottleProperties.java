package app.parvandeh.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parvandeh.login-throttle.*}: how many wrong passwords one client may send for one account
 * ({@code account-failures}) and for all accounts together ({@code client-failures}) within {@code
 * window} before it must wait out the rest of the window; {@code max-tracked} bounds the memory the
 * counters use.
 */
@ConfigurationProperties("parvandeh.login-throttle")
record LoginThrottleProperties(
    int accountFailures, int clientFailures, Duration window, int maxTracked) {}
