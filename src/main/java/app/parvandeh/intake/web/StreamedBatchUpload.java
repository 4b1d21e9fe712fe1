package app.parvandeh.intake.web;

import app.parvandeh.intake.internal.IntakeProperties;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A card archive of a whole cohort (5,000 cards of ~100 KB: half a gigabyte) is far over the
 * per-file limit that protects ordinary uploads ({@code spring.servlet.multipart.max-file-size}),
 * which the servlet container applies to every multipart request alike. So the batch upload alone
 * is not parsed by the container: the resolver passes it by, and its body is read here as a stream,
 * the {@code file} part copied straight to disk and counted against {@code
 * parvandeh.intake.max-batch-size}. Nothing of it is held in memory. Tomcat's own streaming
 * multipart reader does the parsing (the application runs on Tomcat; it is the reader the container
 * itself uses).
 */
@Configuration(proxyBeanMethods = false)
class StreamedBatchUpload {

  static final String PATH = "/api/intake/batches";

  /** Spring Boot's resolver for every multipart request but the batch upload. */
  @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
  MultipartResolver multipartResolver(MultipartProperties properties) {
    StandardServletMultipartResolver standard = new StandardServletMultipartResolver();
    standard.setResolveLazily(properties.isResolveLazily());
    standard.setStrictServletCompliance(properties.isStrictServletCompliance());
    return new MultipartResolver() {
      @Override
      public boolean isMultipart(HttpServletRequest request) {
        return !isBatchUpload(request) && standard.isMultipart(request);
      }

      @Override
      public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request)
          throws MultipartException {
        return standard.resolveMultipart(request);
      }

      @Override
      public void cleanupMultipart(MultipartHttpServletRequest request) {
        standard.cleanupMultipart(request);
      }
    };
  }

  static boolean isBatchUpload(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return HttpMethod.POST.matches(request.getMethod())
        && (path.equals(PATH) || path.equals(PATH + "/"));
  }

  /** The archive as received: the name the client gave it and the file it was written to. */
  record Received(String fileName, Path file) {}

  /**
   * Copies the request's {@code file} part into {@code target} (other parts are skipped); refuses
   * an archive over {@code properties.maxBatchSize()} as soon as it gets there, deleting what was
   * written.
   */
  static Received receive(HttpServletRequest request, Path target, IntakeProperties properties)
      throws IOException {
    long max = properties.maxBatchSize().toBytes();
    try {
      FileItemIterator parts = new FileUpload().getItemIterator(new ServletRequestContext(request));
      while (parts.hasNext()) {
        FileItemStream part = parts.next();
        if (part.isFormField() || !"file".equals(part.getFieldName())) {
          continue;
        }
        try (InputStream in = part.openStream();
            OutputStream out = Files.newOutputStream(target)) {
          byte[] buffer = new byte[64 * 1024];
          long written = 0;
          for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            if (written > max) {
              throw tooLarge(max);
            }
            out.write(buffer, 0, n);
          }
        }
        return new Received(part.getName(), target);
      }
    } catch (FileUploadException e) {
      Files.deleteIfExists(target);
      throw ParvandehException.badRequest(
          "bad-request", "درخواست نادرست است.", "The request is malformed.");
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    Files.deleteIfExists(target);
    throw ParvandehException.badRequest(
        "file-missing",
        "فایل بایگانی (بخش file) در درخواست نیست.",
        "The request has no archive (no part named file).");
  }

  private static ParvandehException tooLarge(long max) {
    long mb = max >> 20;
    return new ParvandehException(
        413,
        "batch-too-large",
        "بایگانی از سقف "
            + PersianText.toPersianDigits(String.valueOf(mb))
            + " مگابایت بزرگ‌تر است؛ آن را در چند بایگانی بفرستید.",
        "The archive is larger than the limit of " + mb + " MB; send it as several archives.");
  }
}
