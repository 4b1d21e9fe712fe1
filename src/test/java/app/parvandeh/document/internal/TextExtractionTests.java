package app.parvandeh.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.PersianPages;
import app.parvandeh.document.PersianPages.Producer;
import app.parvandeh.document.PersianPages.Scan;
import app.parvandeh.document.StagedContent;
import app.parvandeh.document.internal.TextExtractor.Extraction;
import app.parvandeh.document.internal.TextExtractor.Method;
import app.parvandeh.shared.PersianText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text of stored versions: born-digital PDFs from different producers come out in logical order,
 * scans and images are read by Tesseract (fas+eng), page by page.
 */
class TextExtractionTests {

  static final List<String> PAGE_ONE =
      List.of("نامه شماره ۷۳۸۲ دانشکده علوم پایه", "این گواهی در سال ۱۴۰۲ صادر شد");
  static final List<String> PAGE_TWO = List.of("خانم فاطمه رضایی دانشجوی کارشناسی مهندسی است");

  @TempDir Path dir;
  private FileSystemContentStore store;
  private TextExtractor extractor;

  @BeforeEach
  void aStore() {
    store = new FileSystemContentStore(dir);
    extractor = new TextExtractor(store, new TesseractOcr("tesseract", "fas+eng", 180));
  }

  @Test
  void aPdfWrittenGlyphByGlyphLeftToRightIsReadInLogicalOrder() throws IOException {
    Extraction text =
        extractor.extract(
            stored(PersianPages.textPdf(List.of(PAGE_ONE, PAGE_TWO), Producer.LOGICAL_GLYPHS)),
            ContentTypes.PDF);
    assertThat(text.method()).isEqualTo(Method.TEXT_LAYER);
    assertThat(text.pages())
        .containsExactly(String.join("\n", PAGE_ONE), String.join("\n", PAGE_TWO));
  }

  @Test
  void aPdfOfShapedGlyphsInVisualOrderIsReadInLogicalOrder() throws IOException {
    Extraction text =
        extractor.extract(
            stored(PersianPages.textPdf(List.of(PAGE_ONE, PAGE_TWO), Producer.VISUAL_SHAPED)),
            ContentTypes.PDF);
    assertThat(text.pages())
        .containsExactly(String.join("\n", PAGE_ONE), String.join("\n", PAGE_TWO));
  }

  @Test
  void aPdfPrintedByChromiumKeepsItsLogicalOrder() throws IOException {
    byte[] pdf;
    try (InputStream in = getClass().getResourceAsStream("/document/chromium-letter.pdf")) {
      pdf = in.readAllBytes();
    }
    Extraction text = extractor.extract(stored(pdf), ContentTypes.PDF);
    assertThat(text.pages())
        .singleElement()
        .isEqualTo(
            "نامه شماره ۷۳۸۲/ص مورخ ۱۴۰۲/۰۶/۱۵\n"
                + "گواهی می‌شود خانم فاطمه رضایی دانشجوی کارشناسی مهندسی کامپیوتر است.\n"
                + "این گواهی در سال 1402 برای ارائه به سازمان نظام وظیفه صادر شد.");
  }

  @Test
  void aScannedPdfIsReadByOcrPageByPageAndABlankPageGivesNoText() throws IOException {
    byte[] pdf =
        PersianPages.scannedPdf(
            List.of(
                PersianPages.image(PAGE_ONE, 300, Scan.CLEAN),
                PersianPages.image(List.of(), 300, Scan.CLEAN),
                PersianPages.image(PAGE_TWO, 300, Scan.CLEAN)),
            300);
    Extraction text = extractor.extract(stored(pdf), ContentTypes.PDF);
    assertThat(text.method()).isEqualTo(Method.OCR);
    assertThat(text.pages()).hasSize(3);
    assertThat(PersianText.compact(text.pages().get(0)))
        .contains("نامهشماره", "دانشکده", "گواهی", "صادرشد");
    assertThat(text.pages().get(1)).isEmpty();
    assertThat(PersianText.compact(text.pages().get(2))).contains("فاطمهرضایی", "کارشناسی");
  }

  @Test
  void anImageIsReadByOcr() throws IOException {
    Extraction text =
        extractor.extract(
            stored(PersianPages.png(PersianPages.image(PAGE_TWO, 200, new Scan(0.002, 0.7, 7)))),
            ContentTypes.PNG);
    assertThat(text.method()).isEqualTo(Method.OCR);
    assertThat(PersianText.compact(text.pages().get(0))).contains("فاطمه", "دانشجوی");
  }

  @Test
  void aPageLargerThanThePixelBudgetAtThreeHundredDpiIsRenderedWithinItAndStillRead()
      throws IOException {
    Recording ocr = new Recording();
    BufferedImage scan = PersianPages.image(PAGE_TWO, 300, Scan.CLEAN);
    long budget = (long) scan.getWidth() * scan.getHeight() / 3;
    Extraction text =
        new TextExtractor(store, ocr, budget)
            .extract(stored(PersianPages.scannedPdf(List.of(scan), 300)), ContentTypes.PDF);
    assertThat(ocr.pixels).isNotEmpty().allMatch(p -> p <= budget);
    assertThat(ocr.dpis).allMatch(dpi -> dpi > 0 && dpi < TextExtractor.OCR_DPI);
    assertThat(PersianText.compact(text.pages().get(0))).contains("فاطمهرضایی", "کارشناسی");
  }

  @Test
  void aScanWhoseImageWouldDecodeOverHalfTheBudgetIsRenderedWhereItsImageIsSubsampled()
      throws IOException {
    // a 450 dpi scan: at 300 dpi the page has 44 % of the image's pixels and fits the budget,
    // but PDFBox would decode the whole image (to four bytes a pixel) to draw it; at half its
    // resolution it decodes every second pixel
    Recording ocr = new Recording();
    BufferedImage scan = PersianPages.image(PAGE_TWO, 450, Scan.CLEAN);
    long pixels = (long) scan.getWidth() * scan.getHeight();
    Extraction text =
        new TextExtractor(store, ocr, pixels)
            .extract(stored(PersianPages.scannedPdf(List.of(scan), 450)), ContentTypes.PDF);
    assertThat(ocr.pixels.get(0)).isLessThanOrEqualTo(pixels / 4);
    assertThat(PersianText.compact(text.pages().get(0))).contains("فاطمهرضایی", "کارشناسی");
  }

  @Test
  void aHugePageIsRenderedWithinTheDefaultBudget() throws IOException {
    // the scan's pixels declared at 30 dpi: a page ten times A4's width, 90 million pixels at 300
    Recording ocr = new Recording();
    new TextExtractor(store, ocr)
        .extract(
            stored(
                PersianPages.scannedPdf(
                    List.of(PersianPages.image(PAGE_TWO, 300, Scan.CLEAN)), 30)),
            ContentTypes.PDF);
    assertThat(ocr.pixels).isNotEmpty().allMatch(p -> p <= TextExtractor.MAX_OCR_PIXELS);
    // the first reading uses most of the budget, not a needless fraction of it
    assertThat(ocr.pixels.get(0)).isGreaterThan(TextExtractor.MAX_OCR_PIXELS * 9 / 10);
  }

  @Test
  void anImageLargerThanThePixelBudgetIsDecodedSubsampledAndStillRead() throws IOException {
    Recording ocr = new Recording();
    BufferedImage page = PersianPages.image(PAGE_TWO, 300, Scan.CLEAN);
    long budget = (long) page.getWidth() * page.getHeight() / 3;
    TextExtractor extractor = new TextExtractor(store, ocr, budget);
    Extraction text = extractor.extract(stored(PersianPages.png(page)), ContentTypes.PNG);
    assertThat(ocr.pixels).isNotEmpty().allMatch(p -> p <= budget);
    assertThat(PersianText.compact(text.pages().get(0))).contains("فاطمه", "دانشجوی");
  }

  /** Tesseract itself, noting the size of every image it is given. */
  static final class Recording extends TesseractOcr {
    final List<Long> pixels = new ArrayList<>();
    final List<Integer> dpis = new ArrayList<>();

    Recording() {
      super("tesseract", "fas+eng", 180);
    }

    @Override
    String read(BufferedImage page, int dpi) throws IOException {
      pixels.add((long) page.getWidth() * page.getHeight());
      dpis.add(dpi);
      return super.read(page, dpi);
    }
  }

  private String stored(byte[] bytes) throws IOException {
    StagedContent staged = store.stage(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    store.commit(staged);
    return staged.sha256();
  }
}
