package app.parvandeh.shared;

/**
 * Text a user types or a browser sends that we store, checked in one place before it reaches a
 * column: stripped, bounded by the column's length, NUL and other control characters refused. Bidi
 * controls (embeddings, overrides, isolates and marks) can make {@code invoice\u202Egpj.exe} read
 * as "invoiceexe.jpg": a name carrying one is refused; in prose, where word processors leave marks
 * behind, they are dropped.
 */
public final class UserText {

  private UserText() {}

  /**
   * A stored text: how a refusal names it, its column's length, and whether it is a name or prose.
   */
  public record Field(String code, String nameFa, String nameEn, int maxLength, boolean prose) {

    /**
     * A one-line name or number (file name, letter number, address): no line breaks, no bidi
     * controls.
     */
    public static Field name(String code, String nameFa, String nameEn, int maxLength) {
      return new Field(code, nameFa, nameEn, maxLength, false);
    }

    /** Free text (description, note body, reason): line breaks kept, bidi controls dropped. */
    public static Field prose(String code, String nameFa, String nameEn, int maxLength) {
      return new Field(code, nameFa, nameEn, maxLength, true);
    }
  }

  /**
   * The checked, stripped text; empty when nothing but spaces was sent (the caller decides if that
   * is allowed).
   */
  public static String clean(String text, Field field) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isBidiControl(c)) {
        if (!field.prose()) {
          throw refusal(
              field,
              "bidi-control",
              c,
              "نویسهٔ کنترل جهت متن",
              "a text-direction control character");
        }
        continue;
      }
      boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
      if (Character.getType(c) == Character.CONTROL && !(field.prose() && lineBreak)
          || !field.prose() && (c == '\u2028' || c == '\u2029')) {
        throw refusal(field, "control-character", c, "نویسهٔ کنترلی", "a control character");
      }
      out.append(c);
    }
    String value = out.toString().strip();
    if (value.length() > field.maxLength()) {
      throw ParvandehException.badRequest(
          field.code() + "-too-long",
          "«"
              + field.nameFa()
              + "» حداکثر "
              + PersianText.toPersianDigits(String.valueOf(field.maxLength()))
              + " نویسه است؛ "
              + PersianText.toPersianDigits(String.valueOf(value.length()))
              + " نویسه فرستاده شد.",
          "The "
              + field.nameEn()
              + " may have at most "
              + field.maxLength()
              + " characters; "
              + value.length()
              + " were sent.");
    }
    return value;
  }

  /** Like {@link #clean}, but {@code null} for a blank text. */
  public static String optional(String text, Field field) {
    String value = clean(text, field);
    return value.isEmpty() ? null : value;
  }

  /**
   * The text without bidi controls: for showing text stored before they were refused (e.g. in a
   * report).
   */
  public static String withoutBidiControls(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().filter(c -> !isBidiControl((char) c)).forEach(c -> out.append((char) c));
    return out.toString();
  }

  /** U+202A–U+202E, U+2066–U+2069, LRM, RLM and the Arabic letter mark. */
  public static boolean isBidiControl(char c) {
    return c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069'
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }

  private static ParvandehException refusal(
      Field field, String what, char c, String fa, String en) {
    String code = String.format("U+%04X", (int) c);
    return ParvandehException.badRequest(
        field.code() + "-" + what,
        "«" + field.nameFa() + "» " + fa + " (" + code + ") دارد که پذیرفته نیست؛ آن را حذف کنید.",
        "The "
            + field.nameEn()
            + " contains "
            + en
            + " ("
            + code
            + "), which is not accepted; remove it.");
  }
}
