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

  @Test
  void anIdASpreadsheetSavedAsANumberOrAsTextIsReadAsItsTenDigits() {
    assertThat(NationalId.parse("12345679.0")).isEqualTo("0012345679");
    assertThat(NationalId.parse("=\"0012345679\"")).isEqualTo("0012345679");
    assertThat(NationalId.parse("'0012345679")).isEqualTo("0012345679");
    assertThat(NationalId.parse("001-234567-9")).isEqualTo("0012345679");
  }

  @Test
  void anIdWhoseDigitsCannotBeToldIsRefusedSayingWhy() {
    assertThat(NationalId.read("1.23457E+07").reasonEn()).contains("scientific notation");
    assertThat(NationalId.read("=A1").reasonEn()).contains("formula");
    assertThat(NationalId.read("270/020005/5").reasonEn()).contains("ten digits");
    assertThat(NationalId.read("ID:2700200071").valid()).isFalse();
    assertThat(NationalId.read("11111111").reasonEn()).contains("one digit repeated");
    assertThat(NationalId.read(" ").reasonEn()).contains("empty");
  }
}
