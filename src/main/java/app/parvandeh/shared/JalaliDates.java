package app.parvandeh.shared;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.util.Date;

/** Solar Hijri (Jalali) dates as clerks read them, in Iran's time zone, with Persian digits. */
public final class JalaliDates {

  private static final TimeZone TEHRAN = TimeZone.getTimeZone("Asia/Tehran");

  private JalaliDates() {}

  /** «۱۴۰۵/۰۹/۰۷ ۱۵:۱۰» */
  public static String dateTime(Instant instant) {
    if (instant == null) {
      return null;
    }
    PersianCalendar cal = calendar(instant);
    return PersianText.toPersianDigits(
        String.format(
            "%04d/%02d/%02d %02d:%02d",
            cal.get(Calendar.YEAR),
            cal.get(Calendar.MONTH) + 1,
            cal.get(Calendar.DAY_OF_MONTH),
            cal.get(Calendar.HOUR_OF_DAY),
            cal.get(Calendar.MINUTE)));
  }

  /** «۱۴۰۵/۰۹/۰۷» */
  public static String date(Instant instant) {
    if (instant == null) {
      return null;
    }
    PersianCalendar cal = calendar(instant);
    return PersianText.toPersianDigits(
        String.format(
            "%04d/%02d/%02d",
            cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1, cal.get(Calendar.DAY_OF_MONTH)));
  }

  /** The Solar Hijri year of an instant, e.g. 1405 (ASCII digits: a number, not text). */
  public static int year(Instant instant) {
    return calendar(instant).get(Calendar.YEAR);
  }

  private static PersianCalendar calendar(Instant instant) {
    PersianCalendar cal = new PersianCalendar(TEHRAN);
    cal.setTime(Date.from(instant));
    return cal;
  }
}
