package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.PersianPages;
import org.junit.jupiter.api.Test;

/**
 * Extracted Persian comes back in logical order with base letters, whatever the producer or OCR did
 * to it.
 */
class PersianTextLayersTests {

  private static final String LINE = "نامه شماره ۱۲۳۴۵ دانشجوی کارشناسی (مهندسی) در سال 1402";

  @Test
  void presentationFormsBecomeTheLettersTheyShape() {
    String shaped = "\uFEE7\uFE8E\uFEE3\uFEEA \uFEB7\uFEE4\uFE8E\uFEAE\uFEEA \uFEFB";
    assertThat(PersianTextLayers.baseLetters(shaped)).isEqualTo("نامه شماره لا");
  }

  @Test
  void aLineReadBackInVisualOrderIsTurnedToLogicalOrderWithItsNumbersIntact() {
    String visual = PersianPages.visual(LINE);
    assertThat(PersianTextLayers.fromTextLayer(visual)).isEqualTo(LINE);
    // the same reversal without presentation forms (base letters drawn left to right): found by its
    // words
    String reversedBase = PersianTextLayers.baseLetters(visual);
    assertThat(
            PersianTextLayers.fromTextLayer(
                reversedBase
                    + "\n"
                    + PersianTextLayers.baseLetters(
                        PersianPages.visual("این گواهی به درخواست دانشجو صادر شد"))))
        .isEqualTo(LINE + "\nاین گواهی به درخواست دانشجو صادر شد");
  }

  @Test
  void textAlreadyInLogicalOrderIsLeftAsItIs() {
    assertThat(PersianTextLayers.fromTextLayer(LINE + "\r\n\n\n  Parvandeh   demo "))
        .isEqualTo(LINE + "\n\nParvandeh demo");
    assertThat(PersianTextLayers.fromTextLayer("Student number 4011234 and date 2024/05/01"))
        .isEqualTo("Student number 4011234 and date 2024/05/01");
  }

  @Test
  void tesseractsBidiMarksSpacedLettersAndTurnedDatesAreRepaired() {
    assertThat(PersianTextLayers.fromOcr("نامه \u200E۱۲۳\u200F م د ر ک ثبت شد"))
        .isEqualTo("نامه ۱۲۳ مدرک ثبت شد");
    assertThat(PersianTextLayers.fromOcr("مورخ ۱۵/۰۶/۱۴۰۲ صادر شد"))
        .isEqualTo("مورخ ۱۴۰۲/۰۶/۱۵ صادر شد");
    assertThat(PersianTextLayers.fromOcr("مورخ ۱۴۰۲/۰۶/۱۵ صادر شد"))
        .isEqualTo("مورخ ۱۴۰۲/۰۶/۱۵ صادر شد");
    // a joiner next to a space or doubled is noise; between two letters it is Persian spelling and
    // stays
    assertThat(PersianTextLayers.fromOcr("می\u200C\u200Cشود \u200Cگواهی\u200C نامه"))
        .isEqualTo("می\u200Cشود گواهی نامه");
  }

  @Test
  void theOrderOfTwoNumbersInAReversedLineFollowsTheRightToLeftLine() {
    String line = "سال ۱۴۰۲ ۱۴۰۳ و ۱۴۰۴/۰۱/۰۲";
    assertThat(PersianTextLayers.fromTextLayer(PersianPages.visual(line))).isEqualTo(line);
  }
}
