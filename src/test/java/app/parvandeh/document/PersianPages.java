package app.parvandeh.document;

import app.parvandeh.shared.PersianText;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Persian pages whose text the tests know: drawn with Debian's Noto Naskh Arabic (fonts-noto-core)
 * into images (clean, or like a scanner: lower resolution, noise, a slight tilt) and into PDFs with
 * a text layer written the way different producers write it. Also the character error rate that
 * compares an extraction with the known text.
 */
public final class PersianPages {

  public static final File NASKH =
      new File("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf");

  /** For the few characters Noto Naskh Arabic lacks (the slash of a date). */
  public static final File FALLBACK = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  /** How a PDF's text layer is written. */
  public enum Producer {
    /**
     * Unshaped letters in the order typed, drawn left to right: text extraction reads every line
     * reversed.
     */
    LOGICAL_GLYPHS,
    /** Shaped glyphs (presentation forms) in visual order, as a right-to-left page is drawn. */
    VISUAL_SHAPED
  }

  /** Scanner-like damage: salt-and-pepper noise (fraction of pixels) and a tilt in degrees. */
  public record Scan(double noise, double tiltDegrees, long seed) {
    public static final Scan CLEAN = new Scan(0, 0, 0);
  }

  private PersianPages() {}

  /** An A4-wide page image at {@code dpi} with the lines right-aligned, 14 pt. */
  public static BufferedImage image(List<String> lines, int dpi, Scan scan) {
    int width = (int) (8.27 * dpi);
    float size = 14f * dpi / 72f;
    int height = (int) (dpi * 0.8 + lines.size() * size * 2.1);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    Font font = font(NASKH, size);
    Font fallback = font(FALLBACK, size);
    float y = dpi * 0.5f + size;
    for (String line : lines) {
      AttributedString text = new AttributedString(line);
      for (int i = 0; i < line.length(); i++) {
        text.addAttribute(
            TextAttribute.FONT, font.canDisplay(line.charAt(i)) ? font : fallback, i, i + 1);
      }
      TextLayout layout = new TextLayout(text.getIterator(), g.getFontRenderContext());
      layout.draw(g, width - dpi * 0.6f - (float) layout.getAdvance(), y);
      y += size * 2.1f;
    }
    g.dispose();
    return scanned(image, scan);
  }

  private static BufferedImage scanned(BufferedImage clean, Scan scan) {
    BufferedImage image = clean;
    if (scan.tiltDegrees() != 0) {
      BufferedImage tilted =
          new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = tilted.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, tilted.getWidth(), tilted.getHeight());
      AffineTransform turn =
          AffineTransform.getRotateInstance(
              Math.toRadians(scan.tiltDegrees()), clean.getWidth() / 2.0, clean.getHeight() / 2.0);
      g.drawImage(clean, new AffineTransformOp(turn, AffineTransformOp.TYPE_BILINEAR), 0, 0);
      g.dispose();
      image = tilted;
    }
    Random random = new Random(scan.seed());
    int specks = (int) (image.getWidth() * (long) image.getHeight() * scan.noise());
    for (int i = 0; i < specks; i++) {
      image.setRGB(
          random.nextInt(image.getWidth()),
          random.nextInt(image.getHeight()),
          random.nextBoolean() ? 0x000000 : 0xFFFFFF);
    }
    return image;
  }

  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JPEG, as a phone or a scanner saves a page. */
  public static byte[] jpeg(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PDF of page images and no text layer, as a scanner makes it. */
  public static byte[] scannedPdf(List<BufferedImage> pages, int dpi) {
    try (PDDocument pdf = new PDDocument()) {
      for (BufferedImage page : pages) {
        PDPage p =
            new PDPage(new PDRectangle(page.getWidth() * 72f / dpi, page.getHeight() * 72f / dpi));
        pdf.addPage(p);
        PDImageXObject image = LosslessFactory.createFromImage(pdf, page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, p)) {
          content.drawImage(image, 0, 0, p.getMediaBox().getWidth(), p.getMediaBox().getHeight());
        }
      }
      return bytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A born-digital PDF, one list of lines per page, its text layer written as {@code producer}
   * writes it.
   */
  public static byte[] textPdf(List<List<String>> pages, Producer producer) {
    try (PDDocument pdf = new PDDocument()) {
      PDType0Font font = PDType0Font.load(pdf, NASKH);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          float y = 780;
          for (String line : lines) {
            String drawn = producer == Producer.LOGICAL_GLYPHS ? line : visual(line);
            float width = font.getStringWidth(drawn) / 1000 * 14;
            content.beginText();
            content.setFont(font, 14);
            content.newLineAtOffset(page.getMediaBox().getWidth() - 50 - width, y);
            content.showText(drawn);
            content.endText();
            y -= 28;
          }
        }
      }
      return bytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line shaped into presentation forms and reordered left to right as it is displayed. */
  public static String visual(String line) {
    try {
      String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE).shape(line);
      return new Bidi(shaped, Bidi.RTL).writeReordered(Bidi.DO_MIRRORING);
    } catch (ArabicShapingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Edit distance over the expected length, both sides folded by {@link PersianText#normalize}
   * (letter variants, digits of any script, joiners, spaces collapsed): the errors a reader or a
   * search would notice.
   */
  public static double characterErrorRate(String expected, String actual) {
    String a = PersianText.normalize(expected);
    String b = PersianText.normalize(actual);
    return a.isEmpty() ? (b.isEmpty() ? 0 : 1) : (double) editDistance(a, b) / a.length();
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Font font(File file, float size) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, file).deriveFont(size);
    } catch (FontFormatException | IOException e) {
      throw new IllegalStateException(
          "Noto/DejaVu fonts (fonts-noto-core, fonts-dejavu-core) are needed", e);
    }
  }

  private static byte[] bytes(PDDocument pdf) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.save(out);
    return out.toByteArray();
  }
}
