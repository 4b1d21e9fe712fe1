package app.parvandeh.document.internal;

import app.parvandeh.document.PersianPages;
import app.parvandeh.document.PersianPages.Scan;
import app.parvandeh.document.StagedContent;
import app.parvandeh.document.internal.TextExtractor.Extraction;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of known Persian text with digits (a letter head, names, numbers, dates) for measuring OCR:
 * each page is drawn, stored as an upload would be (a JPEG, or a scanned PDF), read through {@link
 * TextExtractor} and compared with its text by {@link PersianPages#characterErrorRate}.
 */
final class OcrFixtures {

  static final List<List<String>> TEXTS =
      List.of(
          List.of(
              "دانشگاه صنعتی اداره کل آموزش",
              "نامه شماره ۱۳۸۵ مورخ ۱۴۰۲/۰۶/۱۵",
              "گواهی می‌شود خانم فاطمه رضایی دانشجوی کارشناسی مهندسی کامپیوتر است"),
          List.of(
              "شماره دانشجویی ۴۰۱۱۲۳۴۵۶ کد ملی ۰۰۱۲۳۴۵۶۷۸",
              "این گواهی برای ارائه به سازمان نظام وظیفه صادر شد",
              "معدل کل ۱۷٫۲۵ و تعداد واحدهای گذرانده ۱۳۶"),
          List.of(
              "موافقت با مرخصی تحصیلی نیمسال دوم ۱۴۰۳",
              "آقای علی‌رضا کاظمی دانشکده علوم پایه",
              "رونوشت به اداره امور دانشجویی و بایگانی پرونده"),
          List.of(
              "فرم تسویه حساب دانش‌آموختگان",
              "کتابخانه مرکزی، امور مالی، خوابگاه و صندوق رفاه",
              "تاریخ فراغت از تحصیل ۱۴۰۲/۱۱/۳۰ مقطع کارشناسی ارشد"),
          List.of(
              "گواهی اشتغال به تحصیل در سال ۱۳۹۹",
              "به درخواست دانشجو جهت ارائه به بانک ملی",
              "بدیهی است این گواهی هیچ‌گونه ارزش دیگری ندارد"));

  /** How a page reaches the store. */
  enum Capture {
    PDF_300_CLEAN(300, Scan.CLEAN, true),
    JPEG_200_NOISY(200, new Scan(0.002, 0.6, 3), false),
    JPEG_150_NOISY(150, new Scan(0.003, -0.8, 5), false);

    final int dpi;
    final Scan scan;
    final boolean pdf;

    Capture(int dpi, Scan scan, boolean pdf) {
      this.dpi = dpi;
      this.scan = scan;
      this.pdf = pdf;
    }
  }

  record Reading(
      Capture capture, int page, String expected, String actual, double cer, long millis) {}

  private OcrFixtures() {}

  static List<Reading> read(Path dir, String languages, List<Capture> captures, int pages)
      throws IOException {
    FileSystemContentStore store = new FileSystemContentStore(dir);
    TextExtractor extractor =
        new TextExtractor(store, new TesseractOcr("tesseract", languages, 180));
    List<Reading> readings = new ArrayList<>();
    for (Capture capture : captures) {
      for (int i = 0; i < pages; i++) {
        List<String> lines = TEXTS.get(i % TEXTS.size());
        BufferedImage image = PersianPages.image(lines, capture.dpi, capture.scan);
        byte[] bytes =
            capture.pdf
                ? PersianPages.scannedPdf(List.of(image), capture.dpi)
                : PersianPages.jpeg(image);
        StagedContent staged = store.stage(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        store.commit(staged);
        long started = System.nanoTime();
        Extraction text =
            extractor.extract(staged.sha256(), capture.pdf ? ContentTypes.PDF : ContentTypes.JPEG);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String expected = String.join("\n", lines);
        String actual = String.join("\n", text.pages());
        readings.add(
            new Reading(
                capture,
                i + 1,
                expected,
                actual,
                PersianPages.characterErrorRate(expected, actual),
                millis));
      }
    }
    return readings;
  }

  static double meanCer(List<Reading> readings) {
    return readings.stream().mapToDouble(Reading::cer).average().orElse(1);
  }
}
