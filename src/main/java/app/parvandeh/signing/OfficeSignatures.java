package app.parvandeh.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.springframework.stereotype.Service;

/**
 * Signs what the office hands out: PDFs as PAdES (incremental save), any other bytes as a detached
 * CMS file.
 */
@Service
public class OfficeSignatures {

  /**
   * Room for the CMS in the PDF: the certificate, RSA-3072 signature and attributes fit with
   * margin.
   */
  private static final int SIGNATURE_SIZE = 16 * 1024;

  private final OfficeKey office;
  private final Clock clock;

  OfficeSignatures(OfficeKey office, Clock clock) {
    this.office = office;
    this.clock = clock;
  }

  /**
   * The PDF with the office's PAdES signature (SubFilter ETSI.CAdES.detached) appended as an
   * incremental update that covers every byte before it; {@code reason} is shown by PDF readers.
   */
  public byte[] signPdf(byte[] pdf, String reason) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signerName());
      signature.setReason(reason);
      signature.setLocation("Parvandeh");
      Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      now.setTimeInMillis(clock.millis());
      signature.setSignDate(now);
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      document.addSignature(signature, content -> CmsSigner.sign(office, content, false), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not sign the PDF", e);
    }
  }

  /** A detached CMS signature (DER) over these bytes, with the signing time. */
  public byte[] signDetached(byte[] content) {
    return CmsSigner.sign(office, content, true);
  }

  /** The office's certificate as PEM, for {@code openssl cms -verify -CAfile}. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes())
              .encodeToString(office.certificate().getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate subject's common name (the whole subject when it has none). */
  String signerName() {
    return commonName(
        X500Name.getInstance(office.certificate().getSubjectX500Principal().getEncoded()));
  }

  static String commonName(X500Name name) {
    RDN[] cn = name.getRDNs(BCStyle.CN);
    return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
  }
}
