package app.parvandeh.document.internal;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.UserText;
import app.parvandeh.shared.UserText.Field;

/**
 * Free text a clerk types into a document's information: checked by {@link UserText}, required or
 * optional.
 */
final class DocumentTexts {

  /** The lengths are those of the columns in db/migration. */
  static final Field DESCRIPTION = Field.prose("description", "شرح مدرک", "description", 1000);

  static final Field LETTER_NUMBER =
      Field.name("letter-number", "شماره نامه", "letter number", 100);
  static final Field DELETION_REASON =
      Field.prose("deletion-reason", "دلیل حذف", "reason for deleting", 1000);
  static final Field REVIEW_REASON = Field.prose("reason", "دلیل رد", "reason", 1000);

  private DocumentTexts() {}

  static String required(String text, Field field, String code, String fa, String en) {
    String value = UserText.optional(text, field);
    if (value == null) {
      throw ParvandehException.badRequest(code, fa, en);
    }
    return value;
  }

  static String optional(String text, Field field) {
    return UserText.optional(text, field);
  }
}
