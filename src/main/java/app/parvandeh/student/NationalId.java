package app.parvandeh.student;

import app.parvandeh.shared.PersianText;

/** The Iranian national ID (کد ملی): ten digits, the last a check digit over the first nine. */
public final class NationalId {

  private NationalId() {}

  /** The normalized ten ASCII digits, or null when the text is not a valid national ID. */
  public static String parse(String text) {
    String digits = PersianText.digits(text);
    if (digits.length() < 8 || digits.length() > 10) {
      return null;
    }
    // Golestan exports drop leading zeros; the ID is always ten digits.
    digits = "0".repeat(10 - digits.length()) + digits;
    if (digits.chars().distinct().count() == 1) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int remainder = sum % 11;
    int check = digits.charAt(9) - '0';
    boolean valid = remainder < 2 ? check == remainder : check == 11 - remainder;
    return valid ? digits : null;
  }
}
