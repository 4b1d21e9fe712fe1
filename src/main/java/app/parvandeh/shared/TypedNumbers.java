package app.parvandeh.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a person typed it or a spreadsheet saved it, read the same way through every door
 * (the API, the file page, a cohort list): digits of any script folded, the text formula or
 * apostrophe that kept it as text unwrapped, a decimal part of zeros dropped; scientific notation
 * and formulas refused, because the digits they stand for cannot be told.
 */
public final class TypedNumbers {

  private TypedNumbers() {}

  /** The digits read, or why there are none. */
  public record Reading(String digits, String reasonFa, String reasonEn) {

    public static Reading of(String digits) {
      return new Reading(digits, null, null);
    }

    public static Reading refused(String reasonFa, String reasonEn) {
      return new Reading(null, reasonFa, reasonEn);
    }

    public boolean valid() {
      return digits != null;
    }

    /** The 400 the API answers for it. */
    public ParvandehException refusal(String code) {
      return ParvandehException.badRequest(code, reasonFa, reasonEn);
    }

    /** The digits, or the 400 {@link #refusal} with {@code code} thrown. */
    public String digitsOrRefuse(String code) {
      if (!valid()) {
        throw refusal(code);
      }
      return digits;
    }
  }

  /**
   * A number in a spreadsheet's scientific notation (4.0511E+09): the spreadsheet kept only the
   * first digits, so the number cannot be read back.
   */
  private static final Pattern SCIENTIFIC =
      Pattern.compile("[0-9]+(?:[.,٫][0-9]*)?[eE][+-]?[0-9]+");

  /** A whole number a spreadsheet wrote with a decimal part of zeros (4051100101.0). */
  private static final Pattern WHOLE_DECIMAL = Pattern.compile("([0-9]+)[.٫]0+");

  /**
   * A number kept as text by a spreadsheet: {@code ="0012345678"} (the formula that yields the text
   * itself) or a leading apostrophe.
   */
  private static final Pattern TEXT_FORMULA = Pattern.compile("=\"([^\"]*)\"|'(.*)");

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /**
   * The text as it is read: {@link PersianText#tidy} (digits of any script folded), the text
   * formula or apostrophe unwrapped, a decimal part of zeros dropped; never null.
   */
  public static String unwrap(String typed) {
    String value = PersianText.tidy(typed == null ? "" : typed);
    Matcher text = TEXT_FORMULA.matcher(value);
    if (text.matches()) {
      value = PersianText.tidy(text.group(1) != null ? text.group(1) : text.group(2));
    }
    Matcher whole = WHOLE_DECIMAL.matcher(value);
    return whole.matches() ? whole.group(1) : value;
  }

  /**
   * Why an unwrapped value is refused for the way a spreadsheet wrote it (scientific notation, a
   * formula), or null. {@code labelFa} and {@code labelEn} name it, e.g. «شماره دانشجویی» and "The
   * student number".
   */
  public static Reading spreadsheetProblem(String labelFa, String labelEn, String value) {
    if (SCIENTIFIC.matcher(value).matches()) {
      return Reading.refused(
          labelFa
              + " با نماد علمی («"
              + value
              + "») ذخیره شده و رقم‌هایش از دست رفته است؛ در Excel قالب ستون را «Text» کنید و فهرست را دوباره بسازید.",
          labelEn
              + " was saved in scientific notation ("
              + value
              + "), which lost its digits; format the column as Text in the spreadsheet and export"
              + " the list again.");
    }
    if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0) {
      return Reading.refused(
          labelFa + " فرمول صفحه‌گسترده است، نه عدد؛ مقدار خود عدد را بنویسید.",
          labelEn + " is a spreadsheet formula, not a number; write the number itself.");
    }
    return null;
  }

  /**
   * A number of digits only (spaces between them dropped), {@code min} to {@code max} of them: a
   * student number.
   */
  public static Reading digits(String typed, String labelFa, String labelEn, int min, int max) {
    String value = unwrap(typed).replace(" ", "");
    if (value.isEmpty()) {
      return Reading.refused(labelFa + " خالی است.", labelEn + " is empty.");
    }
    Reading problem = spreadsheetProblem(labelFa, labelEn, value);
    if (problem != null) {
      return problem;
    }
    if (!DIGITS.matcher(value).matches() || value.length() < min || value.length() > max) {
      String range = min + " to " + max;
      return Reading.refused(
          labelFa
              + " باید فقط رقم ("
              + PersianText.toPersianDigits(String.valueOf(min))
              + " تا "
              + PersianText.toPersianDigits(String.valueOf(max))
              + " رقم) باشد.",
          labelEn + " must be " + range + " digits.");
    }
    return Reading.of(value);
  }
}
