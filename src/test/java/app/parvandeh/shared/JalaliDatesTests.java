package app.parvandeh.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JalaliDatesTests {

  @Test
  void nowruzIsTheFirstDayOfTheSolarHijriYear() {
    // The 1403 equinox fell on 20 March 2024; 00:30 that night in Tehran (UTC+3:30) is 1 Farvardin
    // 1403.
    Instant nowruz = Instant.parse("2024-03-19T21:00:00Z");
    assertThat(JalaliDates.date(nowruz)).isEqualTo("۱۴۰۳/۰۱/۰۱");
    assertThat(JalaliDates.year(nowruz)).isEqualTo(1403);
    assertThat(JalaliDates.date(nowruz.minusSeconds(3600))).isEqualTo("۱۴۰۲/۱۲/۲۹");
  }

  @Test
  void dateTimeIsShownInTehranTimeWithPersianDigits() {
    assertThat(JalaliDates.dateTime(Instant.parse("2026-11-28T12:00:00Z")))
        .isEqualTo("۱۴۰۵/۰۹/۰۷ ۱۵:۳۰");
  }

  @Test
  void noInstantMeansNoDate() {
    assertThat(JalaliDates.dateTime(null)).isNull();
  }
}
