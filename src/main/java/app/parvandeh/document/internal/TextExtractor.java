package app.parvandeh.document.internal;

import app.parvandeh.document.ContentStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The text of one stored version, page by page, in logical order: a PDF page's text layer when it
 * has one (a born-digital letter), otherwise the page rendered at {@value #OCR_DPI} dpi and read by
 * Tesseract (a scan); an image is read by Tesseract. Bytes come through the content store, so only
 * verified content is read.
 */
@Component
class TextExtractor {

  static final int OCR_DPI = 300;

  /**
   * The most pixels a page is read at (24 million: an A3 page at 300 dpi, 24 MB in grey): a page or
   * image larger than that is rendered or decoded smaller, so a maximum-size scan fits in the heap
   * beside the application.
   */
  static final long MAX_OCR_PIXELS = 24_000_000;

  /**
   * A text layer with fewer letters than this is a scan's stray marks or a blank page: the page is
   * read by OCR.
   */
  static final int MIN_LAYER_LETTERS = 8;

  /** Pages past this are not indexed: a long upload is still found by its first pages. */
  static final int MAX_PAGES = 200;

  /** The longest page text kept (the column's size). */
  static final int MAX_PAGE_CHARS = 20000;

  /** How the text was found. */
  enum Method {
    TEXT_LAYER,
    OCR,
    MIXED,
    NONE
  }

  record Extraction(Method method, List<String> pages) {}

  private final ContentStore store;
  private final TesseractOcr ocr;
  private final long maxPixels;

  TextExtractor(ContentStore store, TesseractOcr ocr) {
    this(store, ocr, MAX_OCR_PIXELS);
  }

  @Autowired
  TextExtractor(
      ContentStore store,
      TesseractOcr ocr,
      @Value("${parvandeh.documents.text.max-ocr-pixels:" + MAX_OCR_PIXELS + "}") long maxPixels) {
    this.store = store;
    this.ocr = ocr;
    this.maxPixels = maxPixels;
  }

  Extraction extract(String sha256, String mediaType) throws IOException {
    if (ContentTypes.PDF.equals(mediaType)) {
      return pdf(sha256);
    }
    if (ContentTypes.JPEG.equals(mediaType) || ContentTypes.PNG.equals(mediaType)) {
      return new Extraction(Method.OCR, List.of(fit(ocrPage(image(sha256), 0))));
    }
    return new Extraction(Method.NONE, List.of());
  }

  private Extraction pdf(String sha256) throws IOException {
    try (InputStream in = store.open(sha256);
        PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
      PDFTextStripper stripper = new PDFTextStripper();
      PDFRenderer renderer = new PDFRenderer(pdf);
      // a scan's image is decoded at the resolution the page is rendered at, not its own (see
      // renderDpi)
      renderer.setSubsamplingAllowed(true);
      int pages = Math.min(pdf.getNumberOfPages(), MAX_PAGES);
      List<String> texts = new ArrayList<>(pages);
      int layered = 0;
      int read = 0;
      for (int i = 0; i < pages; i++) {
        stripper.setStartPage(i + 1);
        stripper.setEndPage(i + 1);
        String layer = stripper.getText(pdf);
        if (letters(layer) >= MIN_LAYER_LETTERS) {
          texts.add(fit(PersianTextLayers.fromTextLayer(layer)));
          layered++;
        } else {
          float dpi = renderDpi(pdf.getPage(i));
          texts.add(
              fit(ocrPage(renderer.renderImageWithDPI(i, dpi, ImageType.GRAY), Math.round(dpi))));
          read++;
        }
      }
      Method method =
          layered > 0 && read > 0 ? Method.MIXED : read > 0 ? Method.OCR : Method.TEXT_LAYER;
      return new Extraction(pages == 0 ? Method.NONE : method, texts);
    }
  }

  /**
   * {@value #OCR_DPI} dpi, or less: the rendered page stays within the pixel budget, and an image
   * on it whose decoding (PDFBox decodes to four bytes a pixel) would take more than half the
   * budget's pixels is drawn at a resolution where PDFBox decodes only every n-th pixel of it.
   */
  private float renderDpi(PDPage page) throws IOException {
    PDRectangle box = page.getCropBox();
    double pixelsPerSquareDpi = (double) box.getWidth() * box.getHeight() / (72.0 * 72.0);
    double device = Math.min(pixelsPerSquareDpi * OCR_DPI * OCR_DPI, maxPixels);
    double largest = largestImagePixels(page);
    double decodeBudget = maxPixels / 2.0;
    if (largest > decodeBudget) {
      int every = (int) Math.ceil(Math.sqrt(largest / decodeBudget));
      // a little under, so PDFBox's floor of the ratio gives at least {@code every}
      device = Math.min(device, 0.98 * largest / ((double) every * every));
    }
    double dpi = Math.sqrt(device / pixelsPerSquareDpi);
    return (float) Math.min(OCR_DPI, Math.floor(dpi * 100) / 100);
  }

  private static double largestImagePixels(PDPage page) throws IOException {
    PDResources resources = page.getResources();
    double largest = 0;
    if (resources != null) {
      for (COSName name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject image) {
          largest = Math.max(largest, (double) image.getWidth() * image.getHeight());
        }
      }
    }
    return largest;
  }

  /** The stored image, decoded at every n-th pixel when it has more than the budget's pixels. */
  private BufferedImage image(String sha256) throws IOException {
    try (InputStream in = store.open(sha256);
        ImageInputStream stream = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("the stored image cannot be decoded");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        double pixels = (double) reader.getWidth(0) * reader.getHeight(0);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt(pixels / maxPixels));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  private String ocrPage(BufferedImage image, int dpi) throws IOException {
    double ink = inkShare(image);
    if (ink == 0) {
      return "";
    }
    String text = ocr.read(image, dpi);
    if (letters(text) < MIN_LAYER_LETTERS && ink > 0.001) {
      // Tesseract's layout analysis now and then finds no line on a page with plain text on it; at
      // half the size
      // it usually does. Only such pages pay for a second reading.
      String again = ocr.read(halved(image), dpi / 2);
      text = letters(again) > letters(text) ? again : text;
    }
    return PersianTextLayers.fromOcr(text);
  }

  /**
   * The share of dark pixels in a sampled grid: 0 for a blank page, which Tesseract is not started
   * for.
   */
  static double inkShare(BufferedImage image) {
    int step = Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 400);
    long dark = 0;
    long sampled = 0;
    for (int y = 0; y < image.getHeight(); y += step) {
      for (int x = 0; x < image.getWidth(); x += step) {
        int rgb = image.getRGB(x, y);
        int luminance =
            (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
        dark += luminance < 128 ? 1 : 0;
        sampled++;
      }
    }
    return sampled == 0 ? 0 : (double) dark / sampled;
  }

  private static BufferedImage halved(BufferedImage image) {
    BufferedImage half =
        new BufferedImage(
            Math.max(1, image.getWidth() / 2),
            Math.max(1, image.getHeight() / 2),
            BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = half.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
    g.dispose();
    return half;
  }

  private static int letters(String text) {
    return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
  }

  private static String fit(String text) {
    return text.length() <= MAX_PAGE_CHARS ? text : text.substring(0, MAX_PAGE_CHARS);
  }
}
