package app.parvandeh.signing;

import app.parvandeh.shared.ParvandehException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.springframework.stereotype.Service;

/**
 * Verifies an uploaded PDF (its PAdES signatures) or ZIP (its bags' tag-manifest signatures and
 * manifests), told apart by their first bytes, whatever the file is called. Nothing of the upload
 * is stored.
 */
@Service
public class SignatureVerification {

  private static final byte[] PDF = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private final OfficeKey office;

  SignatureVerification(OfficeKey office) {
    this.office = office;
  }

  public Verification verify(InputStream upload) {
    byte[] ours = SignatureChecks.encoded(office.certificate());
    try (BufferedInputStream in = new BufferedInputStream(upload, 64 * 1024)) {
      in.mark(8);
      byte[] head = in.readNBytes(5);
      in.reset();
      if (startsWith(head, PDF)) {
        return PdfSignatureCheck.verify(in.readAllBytes(), ours);
      }
      if (startsWith(head, ZIP)) {
        return BagSignatureCheck.verify(in, ours, BagSignatureCheck.LIMITS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw ParvandehException.badRequest(
        "not-pdf-or-zip",
        "فقط سند PDF یا بسته BagIt در قالب ZIP را می‌توان وارسی کرد.",
        "Only a PDF or a BagIt bag as a ZIP can be verified.");
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length
        && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }
}
