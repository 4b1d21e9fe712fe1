package app.parvandeh.security;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The two doors in front of the engine's REST resources, called as a signed-in user would call
 * them.
 */
enum EngineDoor {
  /** {@code /engine-rest} with HTTP Basic. */
  ENGINE_REST,
  /**
   * The webapps' {@code /camunda/api/engine/…} with the session and Camunda's CSRF header, as
   * Tasklist calls it.
   */
  WEBAPP_API;

  private static final ObjectMapper JSON = new ObjectMapper();

  Response call(ApiClient client, String method, String enginePath, Object body) {
    if (this == ENGINE_REST) {
      return client.engineRest(method, enginePath, body);
    }
    // A user without webapp access (a student) gets no Camunda CSRF cookie: the call goes without
    // it.
    client.get("/camunda/api/admin/auth/user/default");
    Map<String, String> headers =
        client.cookie("XSRF-TOKEN").isEmpty()
            ? Map.of("Content-Type", "application/json", "Accept", "application/json")
            : ExpressionQueryExploitTests.webappHeaders(client);
    return client.call(
        method,
        "/camunda/api/engine/engine/default" + enginePath,
        headers,
        body == null ? null : json(body));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
