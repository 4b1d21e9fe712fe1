package app.parvandeh.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A detached CMS SignedData (DER) with SHA-256 and RSA, the office's certificate inside, and the
 * signing-certificate-v2 attribute that binds the signature to that certificate (CAdES, as PAdES
 * requires). A PAdES signature leaves out the signing-time attribute (the PDF's /M entry carries
 * the time); a bag's signature keeps it.
 */
final class CmsSigner {

  private CmsSigner() {}

  static byte[] sign(OfficeKey office, byte[] content, boolean signingTime) {
    try {
      X509Certificate certificate = office.certificate();
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo(office, certificate, signingTime));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CMSException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Could not sign with the office's key: " + e.getMessage(), e);
    }
  }

  static byte[] sign(OfficeKey office, InputStream content, boolean signingTime) {
    try {
      return sign(office, content.readAllBytes(), signingTime);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SignerInfoGenerator signerInfo(
      OfficeKey office, X509Certificate certificate, boolean signingTime)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    attributes.add(
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signingCertificateV2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(certificate)}))));
    DefaultSignedAttributeTableGenerator defaults =
        new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
    CMSAttributeTableGenerator signed =
        signingTime
            ? defaults
            : parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(signed)
        .build(
            new JcaContentSignerBuilder("SHA256withRSA").build(office.privateKey()), certificate);
  }

  /**
   * SHA-256 of the certificate with its issuer and serial (the hash algorithm is SHA-256, the
   * default one).
   */
  private static ESSCertIDv2 essCertId(X509Certificate certificate)
      throws CertificateEncodingException, GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(
            new GeneralNames(
                new GeneralName(
                    X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
            certificate.getSerialNumber());
    return new ESSCertIDv2(hash, issuerSerial);
  }
}
