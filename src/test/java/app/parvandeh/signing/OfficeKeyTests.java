package app.parvandeh.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's key: made once in demo, read back the same; what keeps a keystore from being used is
 * named.
 */
class OfficeKeyTests {

  @TempDir Path dir;

  @Test
  void theDemoKeystoreIsMadeAtFirstUseAndReadBackTheSameAfterARestart() throws Exception {
    SigningProperties demo =
        new SigningProperties(
            dir.resolve("signing/office.p12").toString(), "pw", "office", true, null);
    byte[] first = new OfficeKey(demo, Clock.systemUTC()).certificate().getEncoded();
    assertThat(dir.resolve("signing/office.p12")).exists();
    assertThat(new OfficeKey(demo, Clock.systemUTC()).certificate().getEncoded()).isEqualTo(first);
  }

  @Test
  void aMissingUnreadableOrDemoKeystoreIsAProblemAndTheOfficesOwnIsNot() {
    assertThat(
            new OfficeKey(new SigningProperties("", "", null, false, null), Clock.systemUTC())
                .problem())
        .hasValueSatisfying(p -> assertThat(p).contains("parvandeh.signing.keystore"));
    assertThat(
            new OfficeKey(
                    new SigningProperties(
                        dir.resolve("none.p12").toString(), "pw", "office", false, null),
                    Clock.systemUTC())
                .problem())
        .hasValueSatisfying(p -> assertThat(p).contains("does not exist"));
    SigningProperties demo =
        new SigningProperties(dir.resolve("office.p12").toString(), "pw", "office", true, null);
    new OfficeKey(demo, Clock.systemUTC()).certificate();
    assertThat(new OfficeKey(demo, Clock.systemUTC()).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("create-demo-keystore"));
    assertThat(
            new OfficeKey(
                    new SigningProperties(demo.keystore(), "wrong", "office", false, null),
                    Clock.systemUTC())
                .problem())
        .hasValueSatisfying(p -> assertThat(p).contains("cannot be used"));
    assertThat(
            new OfficeKey(
                    new SigningProperties(demo.keystore(), "pw", "nobody", false, null),
                    Clock.systemUTC())
                .problem())
        .hasValueSatisfying(p -> assertThat(p).contains("'nobody'"));
    assertThat(
            new OfficeKey(
                    new SigningProperties(demo.keystore(), "pw", "office", false, null),
                    Clock.systemUTC())
                .problem())
        .isEmpty();
  }
}
