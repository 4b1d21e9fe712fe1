package app.parvandeh.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NationalIdTests {

  @Test
  void aValidIdIsAcceptedInAnyDigits() {
    assertThat(NationalId.parse("0012345679")).isEqualTo("0012345679");
    assertThat(NationalId.parse("۰۰۱۲۳۴۵۶۷۹")).isEqualTo("0012345679");
  }

  @Test
  void leadingZerosDroppedByAnExportAreRestored() {
    assertThat(NationalId.parse("12345679")).isEqualTo("0012345679");
  }

  @Test
  void aWrongCheckDigitIsRefused() {
    assertThat(NationalId.parse("0012345678")).isNull();
  }

  @Test
  void repeatedDigitsAndWrongLengthsAreRefused() {
    assertThat(NationalId.parse("1111111111")).isNull();
    assertThat(NationalId.parse("123")).isNull();
    assertThat(NationalId.parse("123456789012")).isNull();
  }
}
