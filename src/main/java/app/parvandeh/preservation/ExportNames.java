package app.parvandeh.preservation;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names people gave their files into names safe in a bag, a ZIP and any file system: Persian
 * letters, digits and the zero-width non-joiner stay; path separators, control and
 * bidirectional-override characters (which can disguise an extension) go; the length is bounded in
 * UTF-8 bytes, keeping the extension.
 */
final class ExportNames {

  /**
   * Well below the 255 bytes most file systems allow for one name; a Persian letter takes two
   * bytes.
   */
  static final int MAX_BYTES = 120;

  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private ExportNames() {}

  static String sanitize(String name) {
    return sanitize(name, MAX_BYTES);
  }

  static String sanitize(String name, int maxBytes) {
    String text = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (dropped(c)) {
                return;
              }
              if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
              } else {
                out.appendCodePoint(replaced(c) ? '_' : c);
              }
            });
    String cleaned = out.toString().replaceAll(" {2,}", " ").strip();
    // No hidden files, no "." or "..", and no trailing dot or space (Windows drops them).
    cleaned = cleaned.replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
    if (cleaned.isEmpty()) {
      cleaned = "file";
    }
    String stem = cleaned.contains(".") ? cleaned.substring(0, cleaned.indexOf('.')) : cleaned;
    if (WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT))) {
      cleaned = "_" + cleaned;
    }
    return bound(cleaned, maxBytes);
  }

  /**
   * Control, format (except ZWNJ/ZWJ, which Persian spelling needs), bidi overrides, unassigned,
   * surrogates.
   */
  private static boolean dropped(int c) {
    if (c == '\u200C' || c == '\u200D') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE;
  }

  /**
   * Path separators, characters Windows refuses, and '%' (BagIt manifests percent-encode paths).
   */
  private static boolean replaced(int c) {
    return c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<'
        || c == '>' || c == '|' || c == '%';
  }

  private static String bound(String name, int maxBytes) {
    if (utf8Length(name) <= maxBytes) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String stem = extension.isEmpty() ? name : name.substring(0, dot);
    int budget = maxBytes - utf8Length(extension);
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < stem.length(); ) {
      int c = stem.codePointAt(i);
      int size = utf8Length(new String(Character.toChars(c)));
      if (used + size > budget) {
        break;
      }
      kept.appendCodePoint(c);
      used += size;
      i += Character.charCount(c);
    }
    return kept.toString().strip() + extension;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
