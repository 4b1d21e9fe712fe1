package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.security.LoopbackClient.Answer;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords are throttled per (client, account) at every door that checks one (form login,
 * HTTP Basic on /engine-rest, the Camunda webapps' login), never by locking the account: a stranger
 * guessing from one computer (a second loopback address) does not stop the account's owner signing
 * in from another, the stranger waits (429 with Retry-After and a Persian message where there is no
 * page), and the wait ends.
 */
@ParvandehIntegrationTest
class LoginThrottlingTests {

  static final String PASSWORD = "Hum-Pass-2024";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LoginThrottleProperties limits;

  String clerk;

  /** A clerk of humanities of its own, so other tests' clerk.hum is never touched. */
  @BeforeEach
  void clerk() {
    clerk = "clerk.hum." + (100000 + ThreadLocalRandom.current().nextInt(900000));
    User user = identity.newUser(clerk);
    user.setFirstName("سارا");
    user.setLastName("رضایی");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(clerk, "faculty-humanities");
  }

  @AfterEach
  void removeClerk() {
    identity.deleteUser(clerk);
  }

  @Test
  void elevenWrongFormLoginsFromOneClientDoNotStopTheOwnerSigningInFromAnother() {
    LoopbackClient stranger = new LoopbackClient("127.0.0.2", port);
    for (int i = 0; i < 11; i++) {
      Answer wrong = stranger.login(clerk, "guess-" + i);
      assertThat(wrong.status()).isEqualTo(302);
      assertThat(wrong.header("Location"))
          .as("attempt " + (i + 1))
          .contains(i < limits.accountFailures() ? "/login?error" : "/login?wait=");
    }
    Answer throttled = stranger.login(clerk, PASSWORD);
    assertThat(throttled.header("Location"))
        .as("even the right password waits on the guessing client")
        .contains("/login?wait=");

    Answer owner = new LoopbackClient("127.0.0.3", port).login(clerk, PASSWORD);
    assertThat(owner.status()).isEqualTo(302);
    assertThat(owner.header("Location")).doesNotContain("/login");
  }

  @Test
  void aClientGuessingOverHttpBasicGets429WithRetryAfterAndAPersianMessageWhileTheOwnerWorks() {
    LoopbackClient stranger = new LoopbackClient("127.0.0.4", port);
    for (int i = 0; i < limits.accountFailures(); i++) {
      assertThat(stranger.engineRest("/task/count", clerk, "guess-" + i).status()).isEqualTo(401);
    }
    Answer throttled = stranger.engineRest("/task/count", clerk, PASSWORD);
    assertThrottled(throttled);

    assertThat(
            new LoopbackClient("127.0.0.5", port)
                .engineRest("/task/count", clerk, PASSWORD)
                .status())
        .isEqualTo(200);
    ApiClient owner = ApiClient.signedIn(port, clerk, PASSWORD);
    assertThat(owner.engineRest("GET", "/task/count", null).status()).isEqualTo(200);
  }

  /**
   * Camunda's login answers only a signed-in session: a signed-in user could guess another's
   * password there.
   */
  @Test
  void theWebappsOwnLoginIsThrottledTheSameWay() {
    LoopbackClient stranger = new LoopbackClient("127.0.0.6", port);
    assertThat(stranger.login("clerk.sci", "parvandeh").header("Location"))
        .doesNotContain("/login");
    for (int i = 0; i < limits.accountFailures(); i++) {
      Answer wrong = stranger.webappLogin(clerk, "guess-" + i);
      assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
    }
    assertThrottled(stranger.webappLogin(clerk, PASSWORD));

    LoopbackClient owner = new LoopbackClient("127.0.0.7", port);
    owner.login(clerk, PASSWORD);
    Answer signedIn = owner.webappLogin(clerk, PASSWORD);
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
  }

  @Test
  void oneClientCannotSprayGuessesOverManyAccounts() {
    LoopbackClient sprayer = new LoopbackClient("127.0.0.8", port);
    for (int i = 0; i < limits.clientFailures(); i++) {
      assertThat(sprayer.engineRest("/task/count", "nobody" + i, "guess").status()).isEqualTo(401);
    }
    assertThrottled(sprayer.engineRest("/task/count", clerk, PASSWORD));
    assertThat(
            new LoopbackClient("127.0.0.9", port)
                .engineRest("/task/count", clerk, PASSWORD)
                .status())
        .isEqualTo(200);
  }

  @Test
  void theWaitEndsAndTheClientMaySignInAgain() throws InterruptedException {
    LoopbackClient client = new LoopbackClient("127.0.0.10", port);
    for (int i = 0; i < limits.accountFailures(); i++) {
      client.engineRest("/task/count", clerk, "guess-" + i);
    }
    Answer throttled = client.engineRest("/task/count", clerk, PASSWORD);
    assertThrottled(throttled);
    Thread.sleep(limits.window().toMillis() + 100);
    assertThat(client.engineRest("/task/count", clerk, PASSWORD).status()).isEqualTo(200);
    assertThat(client.login(clerk, PASSWORD).header("Location")).doesNotContain("/login");
  }

  private static void assertThrottled(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
    assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
    try {
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.get("code").asText()).isEqualTo("login-throttled");
      assertThat(body.get("messageFa").asText()).contains("دوباره تلاش کنید");
      assertThat(body.get("messageEn").asText()).contains("try again");
    } catch (java.io.IOException e) {
      throw new AssertionError(answer.toString(), e);
    }
  }
}
