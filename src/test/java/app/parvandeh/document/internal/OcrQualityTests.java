package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.internal.OcrFixtures.Capture;
import app.parvandeh.document.internal.OcrFixtures.Reading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handful of Persian pages (a clean scanned PDF and noisy, tilted JPEGs at scanner resolutions)
 * read by OCR: the character error rate is printed and stays under a generous bound (measured
 * values are in docs/benchmarks.md; the larger set is {@code OcrCharacterErrorRateBench}).
 */
class OcrQualityTests {

  /**
   * About three times the measured mean: a broken pipeline (reversed text, lost lines, no Persian)
   * is far above.
   */
  static final double MAX_MEAN_CER = 0.25;

  @TempDir Path dir;

  @Test
  void persianPagesAreReadWithALowCharacterErrorRate() throws IOException {
    List<Reading> readings = OcrFixtures.read(dir, "fas+eng", List.of(Capture.values()), 1);
    readings.forEach(
        r -> System.out.printf("OCR %s page %d: CER %.3f%n", r.capture(), r.page(), r.cer()));
    double mean = OcrFixtures.meanCer(readings);
    System.out.printf("OCR mean CER over %d pages: %.3f%n", readings.size(), mean);
    assertThat(mean).isLessThan(MAX_MEAN_CER);
  }
}
