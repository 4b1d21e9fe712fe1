package app.parvandeh.document.internal;

import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * A PDF is kept only if it is whole (starts with its header, ends with its end-of-file marker),
 * opens without a password, has pages whose content streams all decode and parse, and carries no
 * active content: an archive keeps documents, not programs. PDFBox reads the staged file from disk
 * and caches streams in temporary files, so a 20 MB upload does not sit in memory.
 */
final class PdfCheck {

  /** Action types and entries that run something, open something else, or carry another file. */
  private static final Map<COSName, String> ACTIVE =
      Map.ofEntries(
          Map.entry(COSName.JAVA_SCRIPT, "JavaScript"),
          Map.entry(COSName.JS, "JavaScript"),
          Map.entry(COSName.getPDFName("Launch"), "a launch action"),
          Map.entry(COSName.getPDFName("GoToE"), "a link into an embedded file"),
          Map.entry(COSName.getPDFName("ImportData"), "a form data import"),
          Map.entry(COSName.getPDFName("SubmitForm"), "a form submission"),
          Map.entry(COSName.getPDFName("RichMediaExecute"), "rich media"),
          Map.entry(COSName.getPDFName("RichMedia"), "rich media"),
          Map.entry(COSName.EMBEDDED_FILES, "an embedded file"),
          Map.entry(COSName.EMBEDDED_FILE, "an embedded file"),
          Map.entry(COSName.EF, "an embedded file"),
          Map.entry(COSName.XFA, "an XFA form"));

  private static final int MAX_DEPTH = 100;

  private PdfCheck() {}

  static void verify(Path file, String fileName) throws IOException {
    checkEnds(file, fileName);
    try (PDDocument pdf =
        Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
      int pages = pdf.getNumberOfPages();
      if (pages == 0) {
        throw ContentTypes.refusal("empty-pdf", fileName, "هیچ صفحه‌ای ندارد.", "has no pages.");
      }
      String active = activeContent(pdf.getDocument());
      if (active != null) {
        throw ContentTypes.refusal(
            "active-content",
            fileName,
            "محتوای فعال ("
                + active
                + ") دارد؛ PDF بدون اسکریپت، پیوست یا فرمان اجرایی بارگذاری کنید.",
            "contains active content ("
                + active
                + "); upload a PDF without scripts, attachments or actions.");
      }
      int read = 0;
      for (PDPage page : pdf.getPages()) {
        readPage(page);
        read++;
      }
      if (read != pages) {
        throw new IOException("the page tree holds " + read + " of " + pages + " pages");
      }
    } catch (InvalidPasswordException e) {
      throw ContentTypes.refusal(
          "encrypted-pdf",
          fileName,
          "رمزدار است و بدون گذرواژه باز نمی‌شود.",
          "is encrypted and cannot be opened without a password.");
    } catch (ParvandehException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ContentTypes.refusal(
          "unreadable-pdf",
          fileName,
          "PDF سالمی نیست؛ همهٔ صفحه‌های آن خوانده نشد.",
          "is not a sound PDF: not every page could be read (" + e.getMessage() + ").");
    }
  }

  /**
   * The header must open the file (nothing, HTML least of all, before it) and the end marker close
   * it.
   */
  private static void checkEnds(Path file, String fileName) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      byte[] head = new byte[5];
      raf.readFully(head);
      if (!"%PDF-".equals(new String(head, StandardCharsets.ISO_8859_1))) {
        throw ContentTypes.refusal(
            "not-a-pdf-start",
            fileName,
            "با سرآیند PDF آغاز نمی‌شود.",
            "does not start with the PDF header.");
      }
      int tailLength = (int) Math.min(1024, raf.length());
      byte[] tail = new byte[tailLength];
      raf.seek(raf.length() - tailLength);
      raf.readFully(tail);
      if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
        throw ContentTypes.refusal(
            "truncated-pdf",
            fileName,
            "ناقص است؛ پایان PDF در فایل نیست.",
            "is truncated: the PDF's end-of-file marker is missing.");
      }
    }
  }

  /** Every content stream of the page decodes completely and parses into operators. */
  private static void readPage(PDPage page) throws IOException {
    Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams = page.getContentStreams();
    while (streams.hasNext()) {
      COSStream stream = streams.next().getCOSObject();
      if (COSName.FLATE_DECODE.equals(stream.getDictionaryObject(COSName.FILTER))) {
        // PDFBox keeps what it can of a corrupt compressed stream; a page we keep must inflate to
        // its end.
        inflateFully(stream);
      }
    }
    PDFStreamParser parser = new PDFStreamParser(page);
    while (parser.parseNextToken() != null) {
      // Tokens are only read; a malformed stream throws.
    }
  }

  private static void inflateFully(COSStream stream) throws IOException {
    Inflater inflater = new Inflater();
    try (InputStream raw = stream.createRawInputStream()) {
      byte[] in = new byte[8192];
      byte[] out = new byte[16384];
      int n;
      while (!inflater.finished() && (n = raw.read(in)) > 0) {
        inflater.setInput(in, 0, n);
        while (!inflater.needsInput() && !inflater.finished()) {
          inflater.inflate(out);
        }
      }
      if (!inflater.finished()) {
        throw new IOException("a page's compressed content ends early");
      }
    } catch (DataFormatException e) {
      throw new IOException("a page's compressed content is corrupt", e);
    } finally {
      inflater.end();
    }
  }

  /** The first active element found in any object of the file, or {@code null}. */
  private static String activeContent(COSDocument document) throws IOException {
    String found = walk(document.getTrailer(), 0);
    for (COSObjectKey key : document.getXrefTable().keySet()) {
      if (found != null) {
        return found;
      }
      COSObject object = document.getObjectFromPool(key);
      found = walk(object == null ? null : object.getObject(), 0);
    }
    return found;
  }

  /**
   * Looks through direct objects only: indirect ones are each visited from the cross-reference
   * table.
   */
  private static String walk(COSBase base, int depth) {
    if (base == null || base instanceof COSObject || depth > MAX_DEPTH) {
      return null;
    }
    if (base instanceof COSDictionary dictionary) {
      for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
        String found = ACTIVE.get(entry.getKey());
        if (found == null
            && entry.getValue() instanceof COSName value
            && (COSName.S.equals(entry.getKey())
                || COSName.TYPE.equals(entry.getKey())
                || COSName.SUBTYPE.equals(entry.getKey()))) {
          found = ACTIVE.get(value);
        }
        if (found == null) {
          found = walk(entry.getValue(), depth + 1);
        }
        if (found != null) {
          return found;
        }
      }
    } else if (base instanceof COSArray array) {
      for (COSBase item : array) {
        String found = walk(item, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
