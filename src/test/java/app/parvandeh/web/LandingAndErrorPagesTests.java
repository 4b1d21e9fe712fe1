package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role lands on its working screen; the error pages a browser can reach are Persian; the API
 * keeps JSON.
 */
@ParvandehIntegrationTest
class LandingAndErrorPagesTests {

  @LocalServerPort int port;

  @ParameterizedTest
  @CsvSource({
    "process.owner, /camunda/app/cockpit/default/",
    "clerk.eng, /camunda/app/tasklist/default/",
    "central.records, /camunda/app/tasklist/default/",
    "graduates.office, /camunda/app/tasklist/default/",
    "manager, /camunda/app/tasklist/default/",
    "4021100001, /portal/"
  })
  void eachRoleLandsOnAScreenItMayOpen(String user, String landing) {
    ApiClient client = ApiClient.anonymous(port);
    Response login = client.login(user, user.equals("4021100001") ? "0012345679" : "parvandeh");

    assertThat(login.header("Location")).endsWith(landing);
    assertThat(client.get(landing).status()).isEqualTo(200);
    Response home = client.get("/");
    assertThat(home.header("Location")).endsWith(landing);
  }

  @Test
  void aProcessOwnerOpeningTasklistSeesAPersianPageOnOurLayout() {
    ApiClient owner = ApiClient.signedIn(port, "process.owner", "parvandeh");

    Response tasklist = owner.get("/camunda/app/tasklist/default/", "text/html");

    assertThat(tasklist.status()).isEqualTo(403);
    assertThat(tasklist.header("Content-Type")).startsWith("text/html");
    assertThat(tasklist.text())
        .contains(
            "dir=\"rtl\"",
            "/css/common.css",
            "اجازه دیدن این صفحه را ندارید",
            "۴۰۳",
            "رفتن به صفحه کار من")
        .doesNotContain("Whitelabel");
  }

  @Test
  void missingPagesAreAPersianPageForBrowsersAndJsonForTheApi() {
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");

    Response page = clerk.get("/no-such-page.html", "text/html");
    Response api = clerk.get("/api/no-such-thing", "application/json");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.text()).contains("این صفحه پیدا نشد", "۴۰۴").doesNotContain("Whitelabel");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.header("Content-Type")).contains("json");
  }
}
