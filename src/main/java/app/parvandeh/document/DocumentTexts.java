package app.parvandeh.document;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;

/** Free text a clerk types into a document's information: trimmed, required or optional, bounded. */
final class DocumentTexts {

  private DocumentTexts() {}

  static String required(String text, String code, String fa, String en, int max) {
    String value = optional(text, max);
    if (value == null) {
      throw ParvandehException.badRequest(code, fa, en);
    }
    return value;
  }

  static String optional(String text, int max) {
    String value = text == null ? null : text.strip();
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > max) {
      throw ParvandehException.badRequest("text-too-long",
          "متن واردشده بیش از " + PersianText.toPersianDigits(String.valueOf(max)) + " نویسه است.",
          "The text is longer than " + max + " characters.");
    }
    return value;
  }
}
