package app.parvandeh.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A signed-in session lives in the database (Spring Session JDBC), not in one node's memory: what
 * lets a clerk be sent to another node. The two-node test ({@code TwoNodeClusterOnPostgresTests})
 * moves one between processes.
 */
@ParvandehIntegrationTest
class SessionsInTheDatabaseTests {

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Test
  void aClerksSessionAndItsCamundaWebappLoginAreRowsInTheDatabase() {
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    String sessionId = sessionId(clerk);

    assertThat(
            jdbc.queryForObject(
                "select principal_name from spring_session where session_id = ?",
                String.class,
                sessionId))
        .isEqualTo("clerk.eng");
    assertThat(
            clerk
                .call(
                    "GET",
                    "/camunda/api/engine/engine/default/task/count",
                    clerk.camundaWebappHeaders(),
                    null)
                .status())
        .isEqualTo(200);
    assertThat(
            jdbc.queryForList(
                "select a.attribute_name from spring_session_attributes a join spring_session s"
                    + " on s.primary_id = a.session_primary_id where s.session_id = ?",
                String.class,
                sessionId(clerk)))
        .anyMatch(name -> name.contains("SPRING_SECURITY_CONTEXT"))
        .anyMatch(name -> name.contains("authenticatedUser") || name.contains("Authentications"));
  }

  @Test
  void signingOutRemovesTheSessionRow() {
    ApiClient clerk = ApiClient.signedIn(port, "clerk.sci", "parvandeh");
    String sessionId = sessionId(clerk);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from spring_session where session_id = ?",
                Integer.class,
                sessionId))
        .isOne();
    clerk.post("/logout");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from spring_session where session_id = ?",
                Integer.class,
                sessionId))
        .isZero();
  }

  /** Spring Session's cookie carries the session id Base64-encoded. */
  static String sessionId(ApiClient client) {
    return new String(
        java.util.Base64.getDecoder().decode(client.cookie("JSESSIONID")),
        java.nio.charset.StandardCharsets.US_ASCII);
  }
}
