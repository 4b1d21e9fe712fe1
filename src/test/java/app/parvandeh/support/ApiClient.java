package app.parvandeh.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A browser-like HTTP client for one user: signs in through the login form, keeps the session
 * cookie and sends the CSRF header the way our pages do. Also speaks HTTP Basic to {@code
 * /engine-rest}.
 */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies;
  private final HttpClient http;
  private String basicAuth;

  private ApiClient(int port) {
    this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
  }

  private ApiClient(int port, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The same browser talking to another node (a load balancer sending it elsewhere): the same
   * cookies (cookies do not depend on the port), shared both ways.
   */
  public ApiClient sameSessionOn(int otherPort) {
    ApiClient other = new ApiClient(otherPort, cookies);
    other.basicAuth = basicAuth;
    return other;
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient(port);
  }

  /**
   * Signs in through the form login; the answer is the redirect target, or fails when login is
   * refused.
   */
  public static ApiClient signedIn(int port, String user, String password) {
    ApiClient client = new ApiClient(port);
    Response login = client.login(user, password);
    if (login.status() != 302 || login.header("Location").contains("error")) {
      throw new AssertionError(
          "login of " + user + " failed: " + login.status() + " " + login.header("Location"));
    }
    // Like a browser, land on the start page: its answer carries the fresh CSRF cookie of the new
    // session.
    client.get(java.net.URI.create(login.header("Location")).getPath());
    client.basicAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client;
  }

  public Response login(String user, String password) {
    get("/login");
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf(), StandardCharsets.UTF_8);
    return send(
        request("/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form)));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** A GET that asks for another representation (e.g. Prometheus' text format). */
  public Response get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
  }

  public Response postJson(String path, Object body) {
    try {
      return send(
          withCsrf(request(path))
              .header("Content-Type", "application/json")
              .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response putJson(String path, Object body) {
    try {
      return send(
          withCsrf(request(path))
              .header("Content-Type", "application/json")
              .PUT(BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Multipart form: text fields (UTF-8) and at most one file part named {@code partName}. */
  public Response multipart(
      String path, java.util.Map<String, String> fields, String partName, FilePart file) {
    String boundary = "----parvandeh" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    fields.forEach(
        (name, value) ->
            parts.add(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + partName
                  + "\"; filename=\""
                  + file.fileName()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(file.bytes());
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        withCsrf(request(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArrays(parts)));
  }

  /**
   * A multipart upload of one part read from {@code file} as it is sent (never held in memory
   * here).
   */
  public Response multipartFile(
      String path, String partName, String fileName, String contentType, java.nio.file.Path file) {
    String boundary = "----parvandeh" + UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + partName
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n";
    try {
      return send(
          withCsrf(request(path))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(
                  BodyPublishers.concat(
                      BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                      BodyPublishers.ofFile(file),
                      BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))));
    } catch (java.io.FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A POST as a forged cross-site form would send it: the session cookie, but no CSRF header. */
  public Response postWithoutCsrf(String path) {
    return send(request(path).POST(BodyPublishers.noBody()));
  }

  public Response post(String path) {
    return send(withCsrf(request(path)).POST(BodyPublishers.noBody()));
  }

  /**
   * Multipart upload: repeated {@code typeCode} fields paired in order with {@code files} parts.
   */
  public Response upload(String path, List<FilePart> files) {
    String boundary = "----parvandeh" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    for (FilePart file : files) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"typeCode\"\r\n\r\n"
                  + file.typeCode()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + file.fileName()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(file.bytes());
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    BodyPublisher body = BodyPublishers.ofByteArrays(parts);
    return send(
        withCsrf(request(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(body));
  }

  /** Calls Camunda's REST API as this user with HTTP Basic (no session, no CSRF). */
  public Response engineRest(String method, String path, Object body) {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + "/engine-rest" + path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? BodyPublishers.noBody()
                      : BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (basicAuth != null) {
        builder.header("Authorization", basicAuth);
      }
      return send(builder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Any call with this client's session cookies and exactly the given headers (no CSRF header is
   * added).
   */
  public Response call(
      String method, String path, java.util.Map<String, String> headers, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return send(builder);
  }

  /**
   * The headers Camunda's webapps send: JSON, and Camunda's CSRF token from the XSRF-TOKEN cookie
   * of an app page.
   */
  public java.util.Map<String, String> camundaWebappHeaders() {
    get("/camunda/app/tasklist/default/");
    get("/camunda/api/admin/auth/user/default");
    String token = cookie("XSRF-TOKEN");
    if (token.isEmpty()) {
      throw new AssertionError("Camunda's CSRF cookie is missing");
    }
    return java.util.Map.of(
        "Content-Type", "application/json", "Accept", "application/json", "X-XSRF-TOKEN", token);
  }

  /** The value of a cookie this client holds, or an empty string. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  /**
   * Longer than any call of the suite takes: a server that stops answering (a child application
   * whose connection poller died) fails its test instead of hanging the build.
   */
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(CALL_TIMEOUT)
        .header("Accept", "application/json, text/html");
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
    String token = csrf();
    return token.isEmpty() ? builder : builder.header("X-PARVANDEH-XSRF", token);
  }

  private String csrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("PARVANDEH-XSRF"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A file to upload. */
  public record FilePart(String typeCode, String fileName, String contentType, byte[] bytes) {}

  /** An answer: status, bytes, and the body as JSON when it is JSON. */
  public record Response(int status, byte[] body, HttpResponse<byte[]> raw) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + text(), e);
      }
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }
}
