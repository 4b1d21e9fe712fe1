package app.parvandeh.document.internal;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter's Solar Hijri date as a clerk types it («۱۴۰۳/۵/۱۲», 1403-05-12), kept as yyyy/mm/dd.
 */
final class LetterDates {

  private static final Pattern DATE = Pattern.compile("(\\d{4})[/\\-.](\\d{1,2})[/\\-.](\\d{1,2})");

  private LetterDates() {}

  /** The normalized date, or a 400 naming the expected form; blank gives null. */
  static String normalize(String typed) {
    String text = PersianText.normalize(typed).replace(" ", "");
    if (text.isEmpty()) {
      return null;
    }
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      throw invalid();
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    int daysInMonth = month <= 6 ? 31 : 30;
    if (year < 1300 || year > 1500 || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
      throw invalid();
    }
    return String.format("%04d/%02d/%02d", year, month, day);
  }

  private static ParvandehException invalid() {
    return ParvandehException.badRequest(
        "invalid-letter-date",
        "تاریخ نامه باید به شکل سال/ماه/روز شمسی باشد، مانند ۱۴۰۳/۰۵/۱۲.",
        "The letter date must be a Solar Hijri date as year/month/day, e.g. 1403/05/12.");
  }
}
