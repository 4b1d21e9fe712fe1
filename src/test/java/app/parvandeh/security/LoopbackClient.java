package app.parvandeh.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Another computer, as far as the server can tell: plain HTTP/1.1 from a chosen loopback source
 * address (127.0.0.2, 127.0.0.3, …), which {@code java.net.http.HttpClient} on Java 17 cannot bind.
 * Keeps cookies, so it can sign in through the form like a browser.
 */
final class LoopbackClient {

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private final InetAddress source;
  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  LoopbackClient(String sourceAddress, int port) {
    try {
      this.source = InetAddress.getByName(sourceAddress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = port;
  }

  /**
   * The form login: fetches the page for the CSRF cookie, then posts the form; the answer is the
   * redirect.
   */
  Answer login(String user, String password) {
    send("GET", "/login", Map.of(), null);
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(cookies.getOrDefault("PARVANDEH-XSRF", ""), StandardCharsets.UTF_8);
    return send(
        "POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
  }

  Answer engineRest(String path, String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send("GET", "/engine-rest" + path, Map.of("Authorization", "Basic " + basic), null);
  }

  /** The Camunda webapps' own login form, as their sign-in page posts it. */
  Answer webappLogin(String user, String password) {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    if (!cookies.containsKey("XSRF-TOKEN")) {
      // Camunda's CSRF cookie, set when its app page and auth resource are visited (as Tasklist
      // does).
      send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
      send(
          "GET",
          "/camunda/api/admin/auth/user/default",
          Map.of("Accept", "application/json"),
          null);
    }
    return send(
        "POST",
        "/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Accept",
            "application/json",
            "X-XSRF-TOKEN",
            cookies.getOrDefault("XSRF-TOKEN", "")),
        form);
  }

  Answer send(String method, String path, Map<String, String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, source, 0)) {
      StringBuilder request =
          new StringBuilder(
              method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nConnection: close\r\nContent-Length: "
                  + content.length
                  + "\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (!cookies.isEmpty()) {
        request.append("Cookie: ");
        cookies.forEach(
            (name, value) -> request.append(name).append('=').append(value).append("; "));
        request.append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      if (name.equals("set-cookie")) {
        String pair = value.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      headers.merge(name, value, (a, b) -> a + ", " + b);
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, crlf, at);
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
