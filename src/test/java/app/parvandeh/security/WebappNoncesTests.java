package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The nonce a webapp's page carries on its scripts is the one its Content-Security-Policy header allows, however many
 * requests the webapps answer at the same time. Camunda keeps "the" nonce in one servlet-context attribute; another
 * request in between (a page still loading its scripts while the next page is asked for) overwrote it, the page's
 * scripts were all refused, and Tasklist, Cockpit, Admin or Welcome stayed on its loading spinner.
 */
@ParvandehIntegrationTest
class WebappNoncesTests {

  static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
  static final List<String> PAGES = List.of("/camunda/app/admin/default/", "/camunda/app/cockpit/default/",
      "/camunda/app/tasklist/default/", "/camunda/app/welcome/default/");

  @LocalServerPort
  int port;

  @Test
  void everyWebappPageCarriesTheNonceItsOwnHeaderAllowsWhileOtherRequestsRunBesideIt() throws Exception {
    ApiClient admin = ApiClient.signedIn(port, "admin", "parvandeh");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<String> mismatches = new ArrayList<>();
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        String path = i % 3 == 2 ? "/camunda/app/admin/scripts/config.js" : PAGES.get(i % PAGES.size());
        answers.add(threads.submit(() -> nonceMismatch(admin.get(path), path)));
      }
      for (Future<String> answer : answers) {
        String mismatch = answer.get();
        if (mismatch != null) {
          mismatches.add(mismatch);
        }
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(mismatches).isEmpty();
  }

  /** Null when the page's scripts carry the header's nonce (or the answer is no page); else what differs. */
  private static String nonceMismatch(ApiClient.Response answer, String path) {
    if (!path.endsWith("/")) {
      return null;
    }
    Matcher header = HEADER_NONCE.matcher(answer.header("Content-Security-Policy"));
    Matcher page = PAGE_NONCE.matcher(answer.text());
    if (answer.status() != 200 || !header.find()) {
      return path + " answered " + answer.status() + " with policy " + answer.header("Content-Security-Policy");
    }
    List<String> carried = new ArrayList<>();
    while (page.find()) {
      carried.add(page.group(1));
    }
    return !carried.isEmpty() && carried.stream().allMatch(header.group(1)::equals) ? null
        : path + ": the header allows " + header.group(1) + ", the page's scripts carry " + carried;
  }
}
