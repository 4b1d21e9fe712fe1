package app.parvandeh.note.report;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jalali date range as clerks type it («۱۴۰۵/۰۱/۰۱», "1405-1-1"), both ends inclusive and
 * optional, as the instants it covers in Tehran time: {@code [start, end)}.
 */
record JalaliDateRange(String fromText, String toText, Instant start, Instant end) {

  private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");
  private static final Pattern DATE = Pattern.compile("(\\d{4})[/\\-.](\\d{1,2})[/\\-.](\\d{1,2})");

  /** Bounds that stand for "no limit" and still bind as ordinary timestamps in every database. */
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("2900-01-01T00:00:00Z");

  static JalaliDateRange parse(String from, String to) {
    Jalali start = Jalali.parse(from, "from");
    Jalali end = Jalali.parse(to, "to");
    Instant startAt = start == null ? EARLIEST : start.startOfDay(0);
    Instant endAt = end == null ? LATEST : end.startOfDay(1);
    if (!startAt.isBefore(endAt)) {
      throw ParvandehException.badRequest(
          "invalid-date-range",
          "تاریخ شروع بازه پس از تاریخ پایان آن است.",
          "The range starts after it ends.");
    }
    return new JalaliDateRange(
        start == null ? null : start.text(), end == null ? null : end.text(), startAt, endAt);
  }

  boolean isBounded() {
    return fromText != null || toText != null;
  }

  /** A valid Solar Hijri calendar day. */
  private record Jalali(int year, int month, int day) {

    static Jalali parse(String text, String which) {
      if (text == null || text.isBlank()) {
        return null;
      }
      Matcher m = DATE.matcher(PersianText.normalize(text).replace(" ", ""));
      if (m.matches()) {
        Jalali date =
            new Jalali(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (date.isValid()) {
          return date;
        }
      }
      throw ParvandehException.badRequest(
          "invalid-date",
          "تاریخ «" + text.strip() + "» درست نیست؛ آن را به شکل ۱۴۰۵/۰۱/۰۱ بنویسید.",
          "The date '" + which + "' is not a valid Jalali date like 1405/01/01.");
    }

    boolean isValid() {
      if (year < 1300 || year > 1700 || month < 1 || month > 12 || day < 1) {
        return false;
      }
      PersianCalendar cal = new PersianCalendar(TEHRAN);
      cal.clear();
      cal.set(year, month - 1, 1);
      return day <= cal.getActualMaximum(Calendar.DAY_OF_MONTH);
    }

    /** Midnight in Tehran at the start of this day plus {@code days}. */
    Instant startOfDay(int days) {
      PersianCalendar cal = new PersianCalendar(TEHRAN);
      cal.clear();
      cal.set(year, month - 1, day, 0, 0, 0);
      cal.add(Calendar.DAY_OF_MONTH, days);
      return cal.getTime().toInstant();
    }

    String text() {
      return PersianText.toPersianDigits(String.format("%04d/%02d/%02d", year, month, day));
    }
  }
}
