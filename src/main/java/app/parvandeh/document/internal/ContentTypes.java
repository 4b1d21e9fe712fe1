package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentViews;
import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Decides a file's type from its bytes (Tika), never from its name, and keeps a file only if it
 * fully parses as that type ({@link PdfCheck}, {@link ImageCheck}) and carries no markup a browser
 * could run.
 */
@Component
class ContentTypes {

  static final String PDF = DocumentViews.PDF;
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  private static final Map<String, String> TYPE_BY_EXTENSION =
      Map.of("pdf", PDF, "jpg", JPEG, "jpeg", JPEG, "png", PNG);

  /** The extensions of the files we keep, for the pages' file pickers. */
  static final List<String> EXTENSIONS = TYPE_BY_EXTENSION.keySet().stream().sorted().toList();

  /** The media types we keep. */
  static final List<String> MEDIA_TYPES =
      TYPE_BY_EXTENSION.values().stream().distinct().sorted().toList();

  /**
   * Markup that turns a file into a page if a browser ever renders it; found anywhere, the file is
   * refused.
   */
  private static final List<String> SCRIPT_MARKERS = List.of("<script", "<iframe");

  /** Markup that makes a browser sniff a file as HTML or SVG when it opens the file. */
  private static final List<String> PAGE_MARKERS =
      List.of("<html", "<body", "<head", "<svg", "<!doctype");

  private static final int SNIFF_WINDOW = 1024;

  private final Tika tika;

  ContentTypes(Tika tika) {
    this.tika = tika;
  }

  /**
   * The detected media type of staged bytes, if it is one we keep and agrees with the file name's
   * extension.
   */
  String check(Path stagedFile, String fileName) throws IOException {
    String detected;
    try (InputStream in = Files.newInputStream(stagedFile)) {
      detected = tika.detect(in);
    }
    if (!TYPE_BY_EXTENSION.containsValue(detected)) {
      throw new ParvandehException(
          415,
          "unsupported-type",
          "نوع فایل «" + fileName + "» پذیرفته نیست؛ فقط PDF، JPG و PNG.",
          "The file '" + fileName + "' is not a PDF, JPEG or PNG (detected " + detected + ").");
    }
    String extension = extensionOf(fileName);
    String claimed = TYPE_BY_EXTENSION.get(extension);
    if (!extension.isEmpty() && !detected.equals(claimed)) {
      throw new ParvandehException(
          415,
          "type-mismatch",
          "محتوای فایل «" + fileName + "» با پسوند آن هم‌خوان نیست.",
          "The content of '"
              + fileName
              + "' does not match its extension (it is "
              + detected
              + ").");
    }
    checkNoMarkup(stagedFile, fileName);
    if (PDF.equals(detected)) {
      PdfCheck.verify(stagedFile, fileName);
    } else {
      ImageCheck.verify(stagedFile, detected, fileName);
    }
    return detected;
  }

  /** A 400 that names the file and says what is wrong with its content. */
  static ParvandehException refusal(String code, String fileName, String fa, String en) {
    return ParvandehException.badRequest(
        code, "فایل «" + fileName + "» " + fa, "The file '" + fileName + "' " + en);
  }

  private static void checkNoMarkup(Path stagedFile, String fileName) throws IOException {
    String found = null;
    byte[] buffer = new byte[64 * 1024];
    String carry = "";
    boolean first = true;
    try (InputStream in = Files.newInputStream(stagedFile)) {
      int n;
      while (found == null && (n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        // ISO-8859-1 maps each byte to one char; the carried tail finds a marker split across two
        // reads.
        String window =
            carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        found = SCRIPT_MARKERS.stream().filter(window::contains).findFirst().orElse(null);
        if (found == null && first) {
          String head = window.substring(0, Math.min(window.length(), SNIFF_WINDOW));
          found = PAGE_MARKERS.stream().filter(head::contains).findFirst().orElse(null);
        }
        carry = window.substring(Math.max(0, window.length() - 16));
        first = false;
      }
    }
    if (found != null) {
      throw refusal(
          "markup-inside",
          fileName,
          "نشانه‌گذاری HTML (" + found + ") در خود دارد و پذیرفته نیست.",
          "contains HTML markup (" + found + ") and is not accepted.");
    }
  }

  /**
   * The part after the last dot when it looks like an extension (letters and digits), else empty.
   */
  private static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return extension.matches("[a-z0-9]{1,8}") ? extension : "";
  }
}
