package app.parvandeh.note.report;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * A4 pages filled top-down with right-aligned Persian lines; a new page starts when the next block
 * does not fit, and every page gets «صفحه n از m» at the end.
 */
final class PdfPages implements AutoCloseable {

  static final float MARGIN = 42;
  static final float[] BLACK = {0.12f, 0.16f, 0.2f};
  static final float[] MUTED = {0.36f, 0.4f, 0.46f};
  static final float[] LINK = {0.05f, 0.33f, 0.45f};
  static final float[] WARNING = {0.61f, 0.11f, 0.11f};

  private final PDDocument document;
  private final RtlText regular;
  private final PDFont regularFont;
  private final RtlText bold;
  private final PDFont boldFont;
  private PDPageContentStream content;
  private float y;

  PdfPages(
      PDDocument document, PDFont regularFont, RtlText regular, PDFont boldFont, RtlText bold) {
    this.document = document;
    this.regularFont = regularFont;
    this.regular = regular;
    this.boldFont = boldFont;
    this.bold = bold;
  }

  float contentWidth() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  RtlText text(boolean isBold) {
    return isBold ? bold : regular;
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void ensure(float height) throws IOException {
    if (content == null || y - height < MARGIN + 24) {
      newPage();
    }
  }

  /**
   * Wraps and draws a paragraph, right-aligned, {@code indent} points in from the right margin;
   * with a link, each line becomes clickable.
   */
  void paragraph(
      String logical, boolean isBold, float size, float[] color, float indent, String link)
      throws IOException {
    RtlText rtl = text(isBold);
    float leading = size * 1.55f;
    for (String line : rtl.wrap(logical, size, contentWidth() - indent)) {
      ensure(leading);
      y -= leading;
      float width = rtl.width(line, size);
      float x = PDRectangle.A4.getWidth() - MARGIN - indent - width;
      draw(rtl.visual(line), isBold ? boldFont : regularFont, size, color, x, y);
      if (link != null) {
        link(x, y - size * 0.3f, width, size * 1.3f, link);
      }
    }
  }

  /** A shaded band across the page, {@code height} points tall, below the current position. */
  void band(float height) throws IOException {
    ensure(height);
    content.setNonStrokingColor(0.9f, 0.94f, 0.96f);
    content.addRect(MARGIN - 4, y - height, contentWidth() + 8, height);
    content.fill();
  }

  void rule() throws IOException {
    ensure(8);
    y -= 5;
    content.setStrokingColor(0.85f, 0.87f, 0.9f);
    content.setLineWidth(0.5f);
    content.moveTo(MARGIN, y);
    content.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
    content.stroke();
    y -= 3;
  }

  void space(float points) {
    y -= points;
  }

  private void draw(String visual, PDFont font, float size, float[] color, float x, float baseline)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.setNonStrokingColor(color[0], color[1], color[2]);
    content.newLineAtOffset(x, baseline);
    content.showText(visual);
    content.endText();
  }

  private void link(float x, float bottom, float width, float height, String uri)
      throws IOException {
    PDAnnotationLink link = new PDAnnotationLink();
    link.setRectangle(new PDRectangle(x, bottom, width, height));
    PDBorderStyleDictionary border = new PDBorderStyleDictionary();
    border.setWidth(0);
    link.setBorderStyle(border);
    PDActionURI action = new PDActionURI();
    action.setURI(uri);
    link.setAction(action);
    document.getPage(document.getNumberOfPages() - 1).getAnnotations().add(link);
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  /**
   * Closes the last page and numbers every page: «صفحه n از m» at the bottom, with the footer text.
   */
  @Override
  public void close() throws IOException {
    if (content == null) {
      newPage();
    }
    content.close();
    content = null;
    int total = document.getNumberOfPages();
    List<PDPage> pages = new java.util.ArrayList<>();
    document.getPages().forEach(pages::add);
    for (int i = 0; i < total; i++) {
      try (PDPageContentStream footer =
          new PDPageContentStream(document, pages.get(i), AppendMode.APPEND, true, true)) {
        content = footer;
        String number = "صفحه " + fa(i + 1) + " از " + fa(total);
        float width = regular.width(number, 9);
        draw(
            regular.visual(number),
            regularFont,
            9,
            MUTED,
            (PDRectangle.A4.getWidth() - width) / 2,
            MARGIN - 14);
      }
    }
    content = null;
  }

  static String fa(Object value) {
    return app.parvandeh.shared.PersianText.toPersianDigits(String.valueOf(value));
  }
}
