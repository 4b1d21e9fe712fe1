package app.parvandeh.intake.internal;

import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.SpreadsheetCsv;
import app.parvandeh.shared.UserText;
import java.util.regex.Pattern;

/**
 * Rules every text cell of an intake list follows: tidied, within its length, never a spreadsheet
 * formula, and no letter lost in saving ({@link PersianText#lostLetter}).
 */
public final class Cells {

  private Cells() {}

  /** What clerks and Golestan write in a cell that has no value: a dash, or two. */
  private static final Pattern PLACEHOLDER = Pattern.compile("[-\u2010-\u2015\u2212_]{1,3}");

  /**
   * The cell as it is kept: {@link PersianText#tidy}, so Arabic letters, digits and stray spaces
   * are folded; a placeholder for "no value" (a dash) is empty.
   */
  public static String clean(String raw) {
    String value = PersianText.tidy(raw);
    return PLACEHOLDER.matcher(value).matches() ? "" : value;
  }

  /**
   * Why a text cell is refused, or null. A line break inside a cell (Alt+Enter) is refused saying
   * so; a value starting with = + - @ (or holding a tab) would run as a formula when a clerk opens
   * an export in a spreadsheet, so it never gets in; nor do control characters or the
   * text-direction isolates that tidying keeps.
   */
  public static Refusal text(
      String field, String labelFa, String raw, boolean required, int maxLength) {
    String value = clean(raw);
    if (value.isEmpty()) {
      return required ? new Refusal(field, labelFa + " خالی است.", field + " is empty.") : null;
    }
    if (raw.indexOf('\r') >= 0 || raw.indexOf('\n') >= 0) {
      return new Refusal(
          field,
          labelFa + " درون خانه به خط بعد رفته است (Alt+Enter)؛ آن را در یک خط بنویسید.",
          field + " holds a line break inside the cell (Alt+Enter); write it on one line.");
    }
    if (raw.indexOf('\t') >= 0 || SpreadsheetCsv.startsLikeFormula(value)) {
      return new Refusal(
          field,
          labelFa + " مانند فرمول صفحه‌گسترده آغاز می‌شود (= + - @ یا Tab) و پذیرفته نیست.",
          field
              + " looks like a spreadsheet formula (starts with = + - @ or holds a tab) and is refused.");
    }
    if (value
        .chars()
        .anyMatch(
            c -> Character.getType(c) == Character.CONTROL || UserText.isBidiControl((char) c))) {
      return new Refusal(
          field,
          labelFa + " نویسهٔ کنترلی یا کنترل جهت متن دارد.",
          field + " holds a control character or a text-direction control.");
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
