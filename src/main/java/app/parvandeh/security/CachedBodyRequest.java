package app.parvandeh.security;

import app.parvandeh.shared.PersianText;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body was read once (to be inspected) and is replayed to the servlet behind. */
final class CachedBodyRequest extends HttpServletRequestWrapper {

  /**
   * The largest body read to be inspected: an engine query or a task's variables are a few
   * kilobytes, and a body is held in the heap whole, so a signed-in user sending hundreds of
   * megabytes would otherwise run the node out of memory.
   */
  static final int MAX_BODY = 2 * 1024 * 1024;

  private final byte[] body;

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /**
   * The request with its body read, or null once a body over {@link #MAX_BODY} has been answered
   * 413 (nothing of it reaches the engine).
   */
  static CachedBodyRequest of(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      tooLarge(response);
      return null;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      tooLarge(response);
      return null;
    }
    return new CachedBodyRequest(request, body);
  }

  private static void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    JsonRefusal.write(
        response,
        413,
        "body-too-large",
        "بدنهٔ درخواست بیش از " + PersianText.toPersianDigits("2") + " مگابایت است.",
        "The request body is larger than 2 MB.",
        null);
  }

  byte[] body() {
    return body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous replay only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
