package app.parvandeh.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Headers for every answer that carries a document's bytes, a picture of one, or an export of them.
 * The sandbox policy gives a document that a browser opens anyway no origin, no scripts and no
 * requests; nosniff keeps the browser to the type we verified. Images are shown inline (the
 * portal's thumbnails and the review form's previews are {@code <img>}s, and a decoded picture with
 * nothing after its end marker runs nothing). PDFs are attachments: a browser's PDF viewer is a
 * large surface and is not allowed under a sandbox policy, and the review form shows a PNG of the
 * first page instead.
 */
public final class DocumentHeaders {

  public static final String SANDBOX = "sandbox; default-src 'none'";

  private DocumentHeaders() {}

  public static HttpHeaders of(String mediaType, String fileName) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Security-Policy", SANDBOX);
    headers.set("X-Content-Type-Options", "nosniff");
    ContentDisposition.Builder disposition =
        mediaType.startsWith("image/")
            ? ContentDisposition.inline()
            : ContentDisposition.attachment();
    // Names of our own making (reports, exports) stay a plain parameter; anything else is
    // percent-encoded.
    boolean plain = fileName.matches("[A-Za-z0-9._-]+");
    headers.setContentDisposition(
        (plain
                ? disposition.filename(fileName)
                : disposition.filename(fileName, StandardCharsets.UTF_8))
            .build());
    return headers;
  }

  /** For answers written straight to the servlet response, e.g. the file export's ZIP. */
  public static void apply(HttpServletResponse response, String mediaType, String fileName) {
    of(mediaType, fileName)
        .forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
  }
}
