package app.parvandeh.web;

import app.parvandeh.demo.DemoFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Real documents made with PDFBox and ImageIO, and the hostile variants of them an attacker would
 * upload.
 */
final class HostileFiles {

  static final byte[] HTML =
      "<html><body><script>fetch('/api/portal/file').then(r=>r.text()).then(alert)</script></body></html>"
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * A page with no script tag, only an event handler: it gets past a search for {@code <script}.
   */
  static final byte[] HTML_WITHOUT_SCRIPT_TAG =
      "\n<html><body><img src=x onerror=alert(document.cookie)></body></html>"
          .getBytes(StandardCharsets.US_ASCII);

  private HostileFiles() {}

  /**
   * A PDF of {@code pages} A4 pages, each with a line of text (PDFBox compresses the content
   * streams).
   */
  static byte[] pdf(int pages) {
    return pdf(pages, doc -> {});
  }

  static byte[] pdf(int pages, Consumer<PDDocument> change) {
    return pdf(pages, change, CompressParameters.DEFAULT_COMPRESSION);
  }

  private static byte[] pdf(
      int pages, Consumer<PDDocument> change, CompressParameters compression) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          content.newLineAtOffset(72, 720);
          content.showText("Certificate page " + i + " of " + pages);
          content.endText();
          content.addRect(72, 600, 200, 80);
          content.stroke();
        }
      }
      change.accept(doc);
      doc.save(out, compression);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] truncatedPdf() {
    byte[] whole = pdf(3);
    return Arrays.copyOf(whole, whole.length * 2 / 3);
  }

  /**
   * Cut inside a page's compressed content, then given a fake end-of-file marker so it still
   * "looks" whole.
   */
  static byte[] pdfCutInsideAPageWithAFakeEnd() {
    byte[] whole =
        pdf(
            1,
            doc -> {
              try (PDPageContentStream content =
                  new PDPageContentStream(
                      doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, true)) {
                Random random = new Random(7);
                for (int i = 0; i < 3000; i++) {
                  content.addRect(
                      random.nextInt(500),
                      random.nextInt(800),
                      random.nextInt(50),
                      random.nextInt(50));
                }
                content.stroke();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    // The page's content stream is most of the file: half-way is inside it.
    return concat(
        Arrays.copyOf(whole, whole.length / 2),
        "\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] htmlThenPdf() {
    return concat(HTML, pdf(1));
  }

  /**
   * Starts as a PDF, but carries a page's worth of script a browser would run if it took the file
   * for HTML.
   */
  static byte[] pdfCarryingHtml() {
    return pdf(
        1,
        doc -> doc.getDocumentInformation().setTitle(new String(HTML, StandardCharsets.US_ASCII)),
        CompressParameters.NO_COMPRESSION);
  }

  static byte[] pdfWithJavaScriptOpenAction() {
    return pdf(
        1,
        doc ->
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('opened');")));
  }

  static byte[] pdfWithLaunchAction() {
    return pdf(
        1,
        doc -> {
          PDAnnotationLink link = new PDAnnotationLink();
          link.setRectangle(new PDRectangle(72, 600, 200, 80));
          PDActionLaunch launch = new PDActionLaunch();
          PDComplexFileSpecification program = new PDComplexFileSpecification();
          program.setFile("cmd.exe");
          launch.setFile(program);
          link.setAction(launch);
          try {
            doc.getPage(0).getAnnotations().add(link);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static byte[] pdfWithEmbeddedFile() {
    return pdf(
        1,
        doc -> {
          try {
            PDEmbeddedFile embedded =
                new PDEmbeddedFile(
                    doc,
                    new java.io.ByteArrayInputStream(
                        "echo payload".getBytes(StandardCharsets.US_ASCII)));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.cmd");
            spec.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("payload.cmd", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static byte[] pdfWithCorruptPageContent() {
    return pdf(
        2,
        doc -> {
          COSStream broken = doc.getDocument().createCOSStream();
          try (OutputStream raw = broken.createRawOutputStream()) {
            raw.write(
                "this is not deflated data at all, just words".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          broken.setItem(COSName.FILTER, COSName.FLATE_DECODE);
          doc.getPage(1).getCOSObject().setItem(COSName.CONTENTS, broken);
        });
  }

  static byte[] pdfWithoutPages() {
    return pdf(0);
  }

  /** Needs a password to open: we could not read it, nor could a clerk. */
  static byte[] encryptedPdf() {
    return protectedPdf("user-secret");
  }

  /** Restricted by an owner password only: opens without one. */
  static byte[] ownerRestrictedPdf() {
    return protectedPdf("");
  }

  private static byte[] protectedPdf(String userPassword) {
    return pdf(
        1,
        doc -> {
          try {
            StandardProtectionPolicy policy =
                new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A scan-like picture with noise, so the compressed data is more than a few bytes. */
  static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    Random random = new Random(11);
    for (int i = 0; i < 400; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillRect(random.nextInt(width), random.nextInt(height), 30, 8);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A JPEG's first segments (start marker, JFIF header) and then an HTML page instead of a picture.
   */
  static byte[] jpegHeaderWithHtmlBody() {
    return concat(Arrays.copyOf(DemoFiles.jpeg(), 20), HTML);
  }

  static byte[] truncatedJpeg() {
    byte[] whole = image("jpg", 800, 600);
    return Arrays.copyOf(whole, whole.length / 2);
  }

  static byte[] truncatedPng() {
    byte[] whole = image("png", 800, 600);
    return Arrays.copyOf(whole, whole.length / 2);
  }

  static byte[] withTrailingHtml(byte[] image) {
    return concat(image, HTML_WITHOUT_SCRIPT_TAG);
  }

  /**
   * A PNG whose header claims 60000 × 60000 pixels (10.8 GB decoded) with a few bytes of data: a
   * decompression bomb is refused from its header, before a pixel is allocated.
   */
  static byte[] pngClaimingHugeDimensions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(
        out,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(60_000)
            .putInt(60_000)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .array());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[60_001 * 3]);
    deflater.finish();
    byte[] compressed = new byte[1024];
    int n = deflater.deflate(compressed);
    chunk(out, "IDAT", Arrays.copyOf(compressed, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
