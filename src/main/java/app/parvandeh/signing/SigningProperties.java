package app.parvandeh.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the office's signing key lives: a PKCS#12 keystore, its password and the key's alias. The
 * demo profile turns {@code createDemoKeystore} on, so a self-signed key is made at first start;
 * production never does.
 */
@ConfigurationProperties("parvandeh.signing")
public record SigningProperties(
    String keystore,
    String password,
    String alias,
    boolean createDemoKeystore,
    String demoSubject) {

  public SigningProperties {
    alias = alias == null || alias.isBlank() ? "office" : alias;
    password = password == null ? "" : password;
    demoSubject =
        demoSubject == null || demoSubject.isBlank()
            ? "CN=Parvandeh demo office signing key,OU=Education Office (demo),O=Parvandeh demo university,C=IR"
            : demoSubject;
  }

  boolean configured() {
    return keystore != null && !keystore.isBlank();
  }
}
