package app.parvandeh.document.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a page image with the Tesseract command line ({@code tesseract <png> stdout -l fas+eng},
 * Debian's tesseract-ocr and tesseract-ocr-fas). One OpenMP thread: pages are read one at a time in
 * the background, and the extra threads only slow the rest of the server on a small machine. A
 * missing or failing Tesseract is an error for the job's retries, never an empty text.
 */
@Component
class TesseractOcr {

  private final String command;
  private final String languages;
  private final long timeoutSeconds;

  TesseractOcr(
      @Value("${parvandeh.documents.text.tesseract:tesseract}") String command,
      @Value("${parvandeh.documents.text.ocr-languages:fas+eng}") String languages,
      @Value("${parvandeh.documents.text.ocr-timeout-seconds:180}") long timeoutSeconds) {
    this.command = command;
    this.languages = languages;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * The page's text as Tesseract gives it; {@code dpi} is the image's resolution when known (0: let
   * it guess).
   */
  String read(BufferedImage page, int dpi) throws IOException {
    Path dir = Files.createTempDirectory("parvandeh-ocr");
    Path image = dir.resolve("page.png");
    Path text = dir.resolve("page.txt");
    Path log = dir.resolve("tesseract.log");
    try {
      ImageIO.write(page, "png", image.toFile());
      List<String> args =
          new ArrayList<>(List.of(command, image.toString(), "stdout", "-l", languages));
      if (dpi > 0) {
        args.addAll(List.of("--dpi", String.valueOf(dpi)));
      }
      // Both streams go to files, so a hung Tesseract cannot block this thread past the timeout.
      ProcessBuilder builder =
          new ProcessBuilder(args).redirectOutput(text.toFile()).redirectError(log.toFile());
      builder.environment().put("OMP_THREAD_LIMIT", "1");
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("tesseract did not finish in " + timeoutSeconds + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException("tesseract exited with " + process.exitValue() + ": " + tail(log));
      }
      return Files.readString(text, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading a page", e);
    } finally {
      Files.deleteIfExists(image);
      Files.deleteIfExists(text);
      Files.deleteIfExists(log);
      Files.deleteIfExists(dir);
    }
  }

  private static String tail(Path log) throws IOException {
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
    return text.length() > 300 ? text.substring(text.length() - 300) : text;
  }
}
