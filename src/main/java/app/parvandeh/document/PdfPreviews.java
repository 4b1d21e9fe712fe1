package app.parvandeh.document;

import app.parvandeh.document.DocumentViews.ContentView;
import app.parvandeh.shared.ParvandehException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * A PNG of a PDF's first page. Tasklist's content security policy blocks the browser's PDF viewer
 * inside forms, so the review form shows this picture and links to the PDF itself.
 */
@Component
public class PdfPreviews {

  static final int WIDTH_PX = 900;

  private final ContentStore store;

  PdfPreviews(ContentStore store) {
    this.store = store;
  }

  public byte[] firstPage(ContentView content) throws IOException {
    if (!DocumentViews.PDF.equals(content.mediaType())) {
      throw ParvandehException.badRequest(
          "not-a-pdf",
          "پیش‌نمایش فقط برای PDF ساخته می‌شود.",
          "Previews are made for PDF documents only.");
    }
    try (InputStream in = store.open(content.sha256());
        PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
      if (pdf.getNumberOfPages() == 0) {
        throw ParvandehException.badRequest(
            "empty-pdf", "این PDF صفحه‌ای ندارد.", "This PDF has no pages.");
      }
      PDRectangle box = pdf.getPage(0).getCropBox();
      float scale = WIDTH_PX / Math.max(1f, box.getWidth());
      BufferedImage image = new PDFRenderer(pdf).renderImage(0, Math.min(scale, 4f), ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    }
  }
}
