package app.parvandeh.document;

import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/** Decides a file's type from its bytes (Tika), never from its name, and refuses what a file may not be. */
@Component
class ContentTypes {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  private static final Map<String, String> TYPE_BY_EXTENSION = Map.of(
      "pdf", PDF, "jpg", JPEG, "jpeg", JPEG, "png", PNG);

  private final Tika tika;

  ContentTypes(Tika tika) {
    this.tika = tika;
  }

  /** The detected media type of staged bytes, if it is one we keep and agrees with the file name's extension. */
  String check(Path stagedFile, String fileName) throws IOException {
    String detected;
    try (InputStream in = Files.newInputStream(stagedFile)) {
      detected = tika.detect(in);
    }
    if (!TYPE_BY_EXTENSION.containsValue(detected)) {
      throw new ParvandehException(415, "unsupported-type",
          "نوع فایل «" + fileName + "» پذیرفته نیست؛ فقط PDF، JPG و PNG.",
          "The file '" + fileName + "' is not a PDF, JPEG or PNG (detected " + detected + ").");
    }
    String claimed = TYPE_BY_EXTENSION.get(extensionOf(fileName));
    if (claimed != null && !claimed.equals(detected)) {
      throw new ParvandehException(415, "type-mismatch",
          "محتوای فایل «" + fileName + "» با پسوند آن هم‌خوان نیست.",
          "The content of '" + fileName + "' does not match its extension (it is " + detected + ").");
    }
    return detected;
  }

  private static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
