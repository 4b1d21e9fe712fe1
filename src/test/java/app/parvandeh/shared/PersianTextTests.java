package app.parvandeh.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersianTextTests {

  @Test
  void persianAndArabicDigitsBecomeAsciiDigits() {
    assertThat(PersianText.digits("۴۰۲۱۱۰۰۰۰۱")).isEqualTo("4021100001");
    assertThat(PersianText.digits("٤٠٢١١٠٠٠٠١")).isEqualTo("4021100001");
    assertThat(PersianText.digits(" 402-110 0001 ")).isEqualTo("4021100001");
  }

  @Test
  void arabicYehAndKafAreFoldedToPersian() {
    assertThat(PersianText.normalize("علي كريمي")).isEqualTo(PersianText.normalize("علی کریمی"));
  }

  @Test
  void zeroWidthNonJoinerAndSpacesDoNotHideAMatch() {
    assertThat(PersianText.compact("دانش‌آموخته")).isEqualTo(PersianText.compact("دانش آموخته"));
    assertThat(PersianText.compact("دانش‌آموخته")).isEqualTo(PersianText.compact("دانشآموخته"));
  }

  @Test
  void diacriticsAndTatweelAreDropped() {
    assertThat(PersianText.normalize("مُحَمَّد")).isEqualTo("محمد");
    assertThat(PersianText.normalize("مـحـمد")).isEqualTo("محمد");
  }

  @Test
  void asciiDigitsAreShownInPersian() {
    assertThat(PersianText.toPersianDigits("1402/09/07")).isEqualTo("۱۴۰۲/۰۹/۰۷");
  }

  @Test
  void tidiedTextKeepsItsSpellingButFoldsArabicLettersDigitsAndStraySpacing() {
    assertThat(PersianText.tidy("  علي   كريمي ")).isEqualTo("علی کریمی");
    assertThat(PersianText.tidy("٤٠٢١۱٠٠")).isEqualTo("4021100");
    assertThat(PersianText.tidy("Faculty of  Science")).isEqualTo("Faculty of Science");
  }

  @Test
  void tidiedTextKeepsOneJoinerBetweenLettersAndDropsStrayOnes() {
    assertThat(PersianText.tidy("‌محمد‌‌حسین‌")).isEqualTo("محمد‌حسین");
    assertThat(PersianText.tidy("محمد ‌ حسین")).isEqualTo("محمد حسین");
    assertThat(PersianText.tidy("﻿‏رضا‎")).isEqualTo("رضا");
  }

  @Test
  void tidiedTextDropsKashidaZeroWidthSpacesWordJoinersAndByteOrderMarks() {
    assertThat(PersianText.tidy("مـحـمـد")).isEqualTo("محمد");
    assertThat(PersianText.tidy("رضا\u200Bیی")).isEqualTo("رضایی");
    assertThat(PersianText.tidy("\u200Bعلی\u2060رضا\uFEFF")).isEqualTo("علیرضا");
    assertThat(PersianText.tidy("مـ\u200Cـریم")).isEqualTo("م\u200Cریم");
  }

  @Test
  void zeroWidthSpacesAndWordJoinersDoNotHideAMatch() {
    assertThat(PersianText.normalize("رضا\u200Bیی\u2060")).isEqualTo("رضایی");
  }

  @Test
  void noBreakAndOtherUnicodeSpacesFoldToASpace() {
    assertThat(PersianText.normalize("کارشناسی\u00A0ارشد")).isEqualTo("کارشناسی ارشد");
    assertThat(PersianText.normalize("کارشناسی\u202F\u3000ارشد")).isEqualTo("کارشناسی ارشد");
    assertThat(PersianText.tidy("\u00A0کارشناسی\u2009ارشد\u202F")).isEqualTo("کارشناسی ارشد");
  }

  @Test
  void decimalDigitsOfEveryScriptBecomeAsciiDigits() {
    String fullWidth = "\uFF14\uFF10\uFF15\uFF19";
    String devanagari = "\u0966\u0967";

    assertThat(PersianText.tidy(fullWidth + " " + devanagari)).isEqualTo("4059 01");
    assertThat(PersianText.digits(fullWidth)).isEqualTo("4059");
  }
}
