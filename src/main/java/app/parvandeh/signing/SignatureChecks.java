package app.parvandeh.signing;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks one detached CMS signature over given bytes: the signature itself, that its
 * signing-certificate-v2 attribute names the certificate it carries, and whether that certificate
 * is the office's.
 */
final class SignatureChecks {

  /** {@code signingTime}: from the signed attributes, null when the signature has none. */
  record Checked(boolean valid, String signer, boolean byOffice, Instant signingTime) {}

  private SignatureChecks() {}

  static Checked check(byte[] signature, byte[] content, byte[] officeCertificate) {
    CMSSignedData cms;
    try {
      // A PDF's /Contents is zero-padded past the DER structure: read the one object and ignore the
      // padding.
      cms =
          new CMSSignedData(
              new CMSProcessableByteArray(content),
              ContentInfo.getInstance(new ASN1InputStream(signature).readObject()));
    } catch (CMSException | IOException | RuntimeException e) {
      return new Checked(false, null, false, null);
    }
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      return new Checked(false, null, false, null);
    }
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
    if (matches.isEmpty()) {
      return new Checked(false, null, false, null);
    }
    X509CertificateHolder certificate = matches.iterator().next();
    String subject = certificate.getSubject().toString();
    boolean valid;
    try {
      valid =
          signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))
              && namesCertificate(signer.getSignedAttributes(), certificate);
    } catch (CMSException
        | OperatorCreationException
        | CertificateException
        | IOException
        | RuntimeException e) {
      valid = false;
    }
    boolean byOffice;
    try {
      byOffice = Arrays.equals(certificate.getEncoded(), officeCertificate);
    } catch (IOException e) {
      byOffice = false;
    }
    return new Checked(valid, subject, byOffice, signingTime(signer.getSignedAttributes()));
  }

  static byte[] encoded(java.security.cert.X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signing-certificate-v2 attribute must be there and hold this certificate's SHA-256. */
  private static boolean namesCertificate(
      AttributeTable attributes, X509CertificateHolder certificate) throws IOException {
    Attribute attribute =
        attributes == null
            ? null
            : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (attribute == null) {
      return false;
    }
    ESSCertIDv2[] ids =
        SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return ids.length > 0 && Arrays.equals(ids[0].getCertHash(), hash);
  }

  private static Instant signingTime(AttributeTable attributes) {
    Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (attribute == null) {
      return null;
    }
    try {
      return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
