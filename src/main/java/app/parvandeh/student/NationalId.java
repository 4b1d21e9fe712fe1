package app.parvandeh.student;

import app.parvandeh.shared.TypedNumbers;
import app.parvandeh.shared.TypedNumbers.Reading;
import java.util.regex.Pattern;

/**
 * The Iranian national ID (کد ملی): ten digits, the last a check digit over the first nine. Read
 * the same way through every door: the API, the file page and a cohort list.
 */
public final class NationalId {

  /** Digits in groups, as the national card prints the ID: 001-234567-9 or 001 234567 9. */
  private static final Pattern GROUPED_DIGITS = Pattern.compile("[0-9]+(?:[- ]+[0-9]+)*");

  private NationalId() {}

  /** The normalized ten ASCII digits, or null when the text is not a valid national ID. */
  public static String parse(String text) {
    return read(text).digits();
  }

  /**
   * The ten digits, or why the text is none: as {@link TypedNumbers#unwrap} reads a typed or
   * spreadsheet number, in groups parted by spaces or hyphens, eight to ten digits (Golestan and
   * spreadsheets drop the leading zeros; the ID is always ten), not one digit repeated, the check
   * digit right.
   */
  public static Reading read(String typed) {
    String value = TypedNumbers.unwrap(typed);
    if (value.isEmpty()) {
      return Reading.refused("کد ملی خالی است.", "The national ID is empty.");
    }
    Reading spreadsheet = TypedNumbers.spreadsheetProblem("کد ملی", "The national ID", value);
    if (spreadsheet != null) {
      return spreadsheet;
    }
    String digits = value.replaceAll("[- ]", "");
    if (!GROUPED_DIGITS.matcher(value).matches() || digits.length() < 8 || digits.length() > 10) {
      return Reading.refused("کد ملی باید ده رقم باشد.", "The national ID must be ten digits.");
    }
    boolean repeated = digits.chars().distinct().count() == 1;
    digits = "0".repeat(10 - digits.length()) + digits;
    if (repeated || digits.chars().distinct().count() == 1) {
      return Reading.refused(
          "کد ملی نمی‌تواند همه یک رقم باشد.", "The national ID cannot be one digit repeated.");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int remainder = sum % 11;
    int check = digits.charAt(9) - '0';
    boolean valid = remainder < 2 ? check == remainder : check == 11 - remainder;
    return valid
        ? Reading.of(digits)
        : Reading.refused(
            "کد ملی نامعتبر است (رقم کنترل نادرست).",
            "The national ID is not valid (check digit mismatch).");
  }
}
