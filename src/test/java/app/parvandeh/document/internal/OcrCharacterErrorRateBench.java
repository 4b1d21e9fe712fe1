package app.parvandeh.document.internal;

import app.parvandeh.document.internal.OcrFixtures.Capture;
import app.parvandeh.document.internal.OcrFixtures.Reading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCR benchmark of docs/benchmarks.md, outside the normal suite (its name does not end in
 * Tests): every fixture text in every capture, read with Tesseract's fas+eng and fas alone; prints
 * the character error rate per capture and the pages per minute. Run with {@code /work/mvnq -q test
 * -Dtest=OcrCharacterErrorRateBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OcrCharacterErrorRateBench {

  @TempDir Path dir;

  @Test
  void characterErrorRateAndThroughput() throws IOException {
    for (String languages : List.of("fas+eng", "fas")) {
      List<Reading> all =
          OcrFixtures.read(
              dir.resolve(languages),
              languages,
              List.of(Capture.values()),
              OcrFixtures.TEXTS.size());
      for (Capture capture : Capture.values()) {
        List<Reading> of = all.stream().filter(r -> r.capture() == capture).toList();
        double millis = of.stream().mapToLong(Reading::millis).average().orElse(0);
        System.out.printf(
            "BENCH %-8s %-15s pages %d  CER %.3f (worst %.3f)  %.2f s/page%n",
            languages,
            capture,
            of.size(),
            OcrFixtures.meanCer(of),
            of.stream().mapToDouble(Reading::cer).max().orElse(0),
            millis / 1000);
      }
      System.out.printf(
          "BENCH %-8s all             pages %d  CER %.3f%n",
          languages, all.size(), OcrFixtures.meanCer(all));
      all.stream()
          .filter(r -> r.cer() > 0.1)
          .forEach(
              r ->
                  System.out.printf(
                      "BENCH %s %s page %d%n  expected: %s%n" + "  read:     %s%n",
                      languages,
                      r.capture(),
                      r.page(),
                      r.expected().replace('\n', '|'),
                      r.actual().replace('\n', '|')));
    }
  }
}
