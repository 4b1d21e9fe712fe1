package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit asks for a definition's versions without a page size, which the engine's
 * queryMaxResultsLimit refuses: every definition page logged a 400. That list is bounded by the
 * limit; other unbounded lists are still refused.
 */
@ParvandehIntegrationTest
class BoundedWebappQueriesTests {

  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;

  @Test
  void cockpitListsTheVersionsOfADefinition() {
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");

    Response versions =
        manager.get(
            WEBAPP_ENGINE
                + "/process-definition?key=StudentFileProcess&sortBy=version&sortOrder=desc&withoutTenantId=true");

    assertThat(versions.status()).as(versions.toString()).isEqualTo(200);
    assertThat(versions.json()).isNotEmpty();
    assertThat(versions.json().get(0).get("key").asText()).isEqualTo("StudentFileProcess");
  }

  @Test
  void aPageSizeTheWebappGivesIsKept() {
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");

    Response one =
        manager.get(
            WEBAPP_ENGINE + "/process-definition?sortBy=version&sortOrder=desc&maxResults=1");

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).hasSize(1);
  }

  @Test
  void otherUnboundedListsAreStillRefused() {
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");

    assertThat(manager.get(WEBAPP_ENGINE + "/task").status()).isEqualTo(400);
    assertThat(
            manager.engineRest("GET", "/process-definition?key=StudentFileProcess", null).status())
        .isEqualTo(400);
  }
}
