package app.parvandeh.signing;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks of signatures with tools that share nothing with our signing and verification code:
 * poppler's {@code pdfsig}, {@code openssl cms -verify}, {@code sha256sum -c}, and BouncyCastle's
 * CMS classes used directly.
 */
public final class SignatureTools {

  private SignatureTools() {}

  public record Run(int exitCode, String output) {}

  public static Run run(Path directory, String... command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  /** {@code pdfsig}'s report on the PDF. */
  public static String pdfsig(byte[] pdf, Path work) throws IOException, InterruptedException {
    Path file = Files.createTempFile(work, "signed-", ".pdf");
    Files.write(file, pdf);
    return run(work, "pdfsig", file.toString()).output();
  }

  /**
   * {@code openssl cms -verify} of a bag's detached tag-manifest signature against the office's
   * certificate.
   */
  public static Run openssl(Path bagRoot, Path officePem) throws IOException, InterruptedException {
    return run(
        bagRoot,
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-content",
        "tagmanifest-sha256.txt",
        "-in",
        "signatures/tagmanifest-sha256.txt.p7s",
        "-inform",
        "DER",
        "-CAfile",
        officePem.toString(),
        "-out",
        "/dev/null");
  }

  /** The office's certificate as the API publishes it, saved as office.pem in {@code work}. */
  public static Path officePem(ApiClient api, Path work) throws IOException {
    Response pem = api.get("/api/signatures/office-certificate", "application/x-pem-file");
    assertThat(pem.status()).as(pem.toString()).isEqualTo(200);
    Path file = work.resolve("office.pem");
    Files.write(file, pem.body());
    return file;
  }

  public static Response verify(ApiClient api, String fileName, String contentType, byte[] bytes) {
    return api.multipart(
        "/api/signatures/verifications",
        Map.of(),
        "file",
        new FilePart(null, fileName, contentType, bytes));
  }

  /**
   * The PDF's one signature, verified with BouncyCastle alone: the CMS over the ByteRange's bytes,
   * the ETSI.CAdES.detached SubFilter, a signing-certificate-v2 attribute naming the certificate,
   * and the ByteRange running to the end of the file. Returns the signer's certificate.
   */
  public static X509CertificateHolder assertPadesSignatureVerifies(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      int[] range = signature.getByteRange();
      assertThat((long) range[2] + range[3])
          .as("ByteRange to the end of the file")
          .isEqualTo(pdf.length);
      return assertCmsVerifies(signature.getContents(pdf), signature.getSignedContent(pdf));
    }
  }

  public static X509CertificateHolder assertCmsVerifies(byte[] cms, byte[] content)
      throws Exception {
    CMSSignedData signed =
        new CMSSignedData(
            new CMSProcessableByteArray(content),
            ContentInfo.getInstance(new ASN1InputStream(cms).readObject()));
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    assertThat(signers).hasSize(1);
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate =
        (X509CertificateHolder)
            signed.getCertificates().getMatches(signer.getSID()).iterator().next();
    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
    var attribute =
        signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    assertThat(attribute).as("signing-certificate-v2").isNotNull();
    byte[] hash =
        SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0))
            .getCerts()[0]
            .getCertHash();
    assertThat(hash)
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    return certificate;
  }

  /** A copy with one byte changed at the first occurrence of {@code marker} (ASCII). */
  public static byte[] changeByteAt(byte[] bytes, String marker) {
    int at = indexOf(bytes, marker.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(at).as("marker " + marker).isNotNegative();
    byte[] changed = bytes.clone();
    changed[at] = (byte) (changed[at] ^ 0x01);
    return changed;
  }

  static int indexOf(byte[] bytes, byte[] marker) {
    outer:
    for (int i = 0; i <= bytes.length - marker.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
