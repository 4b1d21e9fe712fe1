package app.parvandeh.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The office's signing key and certificate, read once from the configured PKCS#12 keystore. With
 * {@code create-demo-keystore} (demo profile only) a missing keystore is made at first start: a
 * self-signed RSA key in the data folder, never committed. Loading is lazy, so a production start
 * without a keystore reaches {@code ProductionSafety}'s clear refusal instead of failing somewhere
 * in bean creation.
 */
@Component
@EnableConfigurationProperties(SigningProperties.class)
public class OfficeKey {

  private static final Logger log = LoggerFactory.getLogger(OfficeKey.class);
  private static final Duration DEMO_VALIDITY = Duration.ofDays(5 * 365);

  private final SigningProperties properties;
  private final Clock clock;
  private volatile Loaded loaded;

  record Loaded(PrivateKey key, X509Certificate certificate) {}

  OfficeKey(SigningProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The demo profile's first start makes the keystore now, not at the first signature. */
  @EventListener(ApplicationReadyEvent.class)
  void createDemoKeystoreAtStart() {
    if (properties.createDemoKeystore() && properties.configured()) {
      loaded();
    }
  }

  public X509Certificate certificate() {
    return loaded().certificate();
  }

  PrivateKey privateKey() {
    return loaded().key();
  }

  /**
   * What keeps the key from being used, in English, or empty when it loads; for the production
   * start check.
   */
  public Optional<String> problem() {
    if (!properties.configured()) {
      return Optional.of(
          "no signing keystore is configured (set parvandeh.signing.keystore, .password and .alias "
              + "to the office's PKCS#12 keystore)");
    }
    if (properties.createDemoKeystore()) {
      return Optional.of("parvandeh.signing.create-demo-keystore is on (a self-signed demo key)");
    }
    if (!Files.isReadable(Path.of(properties.keystore()))) {
      return Optional.of(
          "the signing keystore " + properties.keystore() + " does not exist or cannot be read");
    }
    try {
      read(Path.of(properties.keystore()));
      return Optional.empty();
    } catch (IOException | GeneralSecurityException | IllegalStateException e) {
      return Optional.of(
          "the signing keystore " + properties.keystore() + " cannot be used: " + e.getMessage());
    }
  }

  private Loaded loaded() {
    Loaded current = loaded;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (loaded == null) {
        loaded = load();
      }
      return loaded;
    }
  }

  private Loaded load() {
    if (!properties.configured()) {
      throw new IllegalStateException(
          "No signing keystore is configured (parvandeh.signing.keystore)");
    }
    Path path = Path.of(properties.keystore());
    try {
      if (!Files.exists(path) && properties.createDemoKeystore()) {
        createDemoKeystore(path);
      }
      return read(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the signing keystore " + path, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot open the signing keystore " + path + ": " + e.getMessage(), e);
    }
  }

  private Loaded read(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, properties.password().toCharArray());
    }
    if (!store.isKeyEntry(properties.alias())) {
      throw new IllegalStateException(
          "the keystore has no private key under the alias '" + properties.alias() + "'");
    }
    PrivateKey key =
        (PrivateKey) store.getKey(properties.alias(), properties.password().toCharArray());
    Certificate certificate = store.getCertificate(properties.alias());
    if (!(certificate instanceof X509Certificate x509)) {
      throw new IllegalStateException(
          "the key '" + properties.alias() + "' has no X.509 certificate");
    }
    return new Loaded(key, x509);
  }

  /** A self-signed RSA-3072 key, written to a temporary file first and moved into place whole. */
  private void createDemoKeystore(Path path) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072, new SecureRandom());
    KeyPair pair = generator.generateKeyPair();
    Instant now = Instant.now(clock);
    X500Name subject = new X500Name(properties.demoSubject());
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(DEMO_VALIDITY)),
            subject,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    X509Certificate certificate;
    try {
      certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        properties.alias(),
        pair.getPrivate(),
        properties.password().toCharArray(),
        new Certificate[] {certificate});
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path partial = path.resolveSibling(path.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      store.store(out, properties.password().toCharArray());
    }
    Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
    log.warn(
        "Created a self-signed DEMO signing key in {} ({}); production needs the office's own keystore",
        path,
        certificate.getSubjectX500Principal().getName());
  }
}
