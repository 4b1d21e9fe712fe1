package app.parvandeh.intake.internal;

import app.parvandeh.shared.PersianText;

/**
 * Rules every text cell of an intake list follows: tidied, within its length, never a spreadsheet
 * formula, and no letter lost in saving ({@link PersianText#lostLetter}).
 */
public final class Cells {

  private Cells() {}

  /**
   * The cell as it is kept: {@link PersianText#tidy}, so Arabic letters, digits and stray spaces
   * are folded.
   */
  public static String clean(String raw) {
    return PersianText.tidy(raw);
  }

  /**
   * Why a text cell is refused, or null. A value starting with = + - @ (or holding a tab or
   * carriage return) would run as a formula when a clerk opens an export in a spreadsheet, so it
   * never gets in.
   */
  public static Refusal text(
      String field, String labelFa, String raw, boolean required, int maxLength) {
    String value = clean(raw);
    if (value.isEmpty()) {
      return required ? new Refusal(field, labelFa + " خالی است.", field + " is empty.") : null;
    }
    if (raw.indexOf('\t') >= 0
        || raw.indexOf('\r') >= 0
        || raw.indexOf('\n') >= 0
        || "=+-@".indexOf(value.charAt(0)) >= 0) {
      return new Refusal(
          field,
          labelFa + " مانند فرمول صفحه‌گسترده آغاز می‌شود (= + - @ یا Tab) و پذیرفته نیست.",
          field
              + " looks like a spreadsheet formula (starts with = + - @ or holds a tab) and is refused.");
    }
    int lost = PersianText.lostLetter(value);
    if (lost >= 0) {
      return new Refusal(
          field,
          labelFa
              + " نویسهٔ «"
              + (char) lost
              + "» دارد: حرفی که هنگام ذخیرهٔ فهرست از دست رفته است (فهرست را با «CSV UTF-8» ذخیره"
              + " کنید).",
          field
              + " holds \""
              + (char) lost
              + "\": a letter lost when the list was saved (save it as \"CSV UTF-8\").");
    }
    if (value.length() > maxLength) {
      return new Refusal(
          field,
          labelFa
              + " بیش از "
              + PersianText.toPersianDigits(String.valueOf(maxLength))
              + " نویسه است.",
          field + " is longer than " + maxLength + " characters.");
    }
    return null;
  }
}
