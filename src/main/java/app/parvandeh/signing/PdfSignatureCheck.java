package app.parvandeh.signing;

import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Each signature of a PDF: its CMS verified over the bytes its ByteRange names, and whether it
 * covers the whole file (the ByteRange runs to the end of the file) or later incremental updates
 * changed the document since.
 */
final class PdfSignatureCheck {

  private PdfSignatureCheck() {}

  static Verification verify(byte[] pdf, byte[] officeCertificate) {
    List<Verification.Item> items = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int n = 0;
      for (PDSignature signature : document.getSignatureDictionaries()) {
        items.add(item(++n, signature, pdf, officeCertificate));
      }
    } catch (IOException e) {
      throw ParvandehException.badRequest(
          "unreadable-pdf", "این فایل PDF خوانا نیست.", "The PDF cannot be read.");
    }
    return Verification.of("PDF", items);
  }

  private static Verification.Item item(
      int n, PDSignature signature, byte[] pdf, byte[] officeCertificate) throws IOException {
    String name =
        "امضای "
            + app.parvandeh.shared.PersianText.toPersianDigits(String.valueOf(n))
            + (signature.getSubFilter() == null ? "" : " (" + signature.getSubFilter() + ")");
    int[] range = signature.getByteRange();
    List<String> changes = new ArrayList<>();
    if (!sane(range, pdf.length)) {
      changes.add("بازه امضاشده (ByteRange) نادرست است / the ByteRange is malformed");
      return new Verification.Item(name, true, false, null, false, null, null, false, changes);
    }
    SignatureChecks.Checked checked =
        SignatureChecks.check(
            signature.getContents(pdf), signature.getSignedContent(pdf), officeCertificate);
    long end = (long) range[2] + range[3];
    boolean whole = end == pdf.length;
    if (!whole) {
      changes.add(
          "پس از امضا "
              + app.parvandeh.shared.PersianText.toPersianDigits(String.valueOf(pdf.length - end))
              + " بایت به سند افزوده شده (تغییر افزایشی) / "
              + (pdf.length - end)
              + " bytes were added after the signature (incremental changes)");
    }
    Instant signedAt =
        checked.signingTime() != null
            ? checked.signingTime()
            : signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    return new Verification.Item(
        name,
        true,
        checked.valid(),
        checked.signer(),
        checked.byOffice(),
        signedAt,
        signedAt == null ? null : JalaliDates.dateTime(signedAt),
        whole,
        changes);
  }

  /**
   * Two ranges: from the start to the /Contents string, and from its end to at most the end of the
   * file.
   */
  private static boolean sane(int[] range, int length) {
    return range != null
        && range.length == 4
        && range[0] == 0
        && range[1] > 0
        && range[2] > range[1]
        && range[3] >= 0
        && (long) range[2] + range[3] <= length;
  }
}
