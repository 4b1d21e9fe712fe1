package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A webapp's page starts only if its scripts carry the nonce its own Content-Security-Policy header
 * allows. Camunda keeps that nonce in one place for the whole server, so a request arriving while a
 * page is made (another tab, a second clerk) used to give the page someone else's nonce: a blank
 * Cockpit or Admin page. Checked here from the HTTP answers themselves while other signed-in
 * clients keep asking the webapps for things.
 */
@ParvandehIntegrationTest
class WebappPageNonceTests {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
  private static final int PAGES = 150;

  @LocalServerPort int port;

  @Test
  void everyPageCarriesTheNonceOfItsOwnHeaderWhileOtherRequestsArrive() throws Exception {
    ApiClient admin = ApiClient.signedIn(port, "admin", "parvandeh");
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> others = new ArrayList<>();
    for (String user : List.of("manager", "clerk.eng", "central.admission")) {
      ApiClient other = ApiClient.signedIn(port, user, "parvandeh");
      Thread thread =
          new Thread(
              () -> {
                while (!stop.get()) {
                  other.get("/camunda/app/tasklist/scripts/config.js");
                }
              },
              "other-" + user);
      thread.start();
      others.add(thread);
    }
    List<String> mismatches = new ArrayList<>();
    try {
      for (int i = 0; i < PAGES; i++) {
        String app = List.of("cockpit", "admin", "tasklist").get(i % 3);
        ApiClient.Response page = admin.get("/camunda/app/" + app + "/default/");
        assertThat(page.status()).as(app + ": " + page).isEqualTo(200);
        Matcher header = HEADER_NONCE.matcher(page.header("Content-Security-Policy"));
        assertThat(header.find()).as("a nonce in the CSP header").isTrue();
        Set<String> inPage = new TreeSet<>();
        for (Matcher m = PAGE_NONCE.matcher(page.text()); m.find(); ) {
          inPage.add(m.group(1));
        }
        assertThat(inPage).as("nonces in the page").isNotEmpty();
        if (!inPage.equals(Set.of(header.group(1)))) {
          mismatches.add(app + " page " + i + ": header " + header.group(1) + ", page " + inPage);
        }
      }
    } finally {
      stop.set(true);
      for (Thread thread : others) {
        thread.join();
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
