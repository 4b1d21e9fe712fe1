package app.parvandeh.signing;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The verification API on what is not ours to vouch for: unsigned PDFs, PDFs signed by another key,
 * and input that is no PDF or ZIP or a hostile ZIP, refused with a Persian and English 400 and
 * nothing kept.
 */
@ParvandehIntegrationTest
class SignatureVerificationTests {

  @LocalServerPort int port;
  @Autowired SigningProperties signing;

  @TempDir Path work;

  @Test
  void anUnsignedPdfIsNotValid() {
    JsonNode v = verify("letter.pdf", "application/pdf", DemoFiles.pdf("unsigned")).json();
    assertThat(v.get("valid").asBoolean()).isFalse();
    assertThat(v.get("messageFa").asText()).contains("امضا ندارد");
    assertThat(v.get("messageEn").asText()).contains("not signed");
  }

  @Test
  void aPdfSignedWithAnotherKeyVerifiesButIsNotThisOfficesSignature() {
    OfficeKey stranger =
        new OfficeKey(
            new SigningProperties(
                work.resolve("other.p12").toString(),
                "pw",
                "other",
                true,
                "CN=Someone else,O=Elsewhere"),
            Clock.systemUTC());
    byte[] signed =
        new OfficeSignatures(stranger, Clock.systemUTC())
            .signPdf(DemoFiles.pdf("foreign"), "probe");
    JsonNode v = verify("foreign.pdf", "application/pdf", signed).json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("signedByThisOffice").asBoolean()).isFalse();
    assertThat(v.at("/items/0/signer").asText()).contains("CN=Someone else");
    assertThat(v.get("messageFa").asText()).contains("با کلید این اداره زده نشده");
  }

  @Test
  void aFileThatIsNeitherPdfNorZipIsRefusedAndNothingIsKept() throws IOException {
    // The test data folder, as bound once (${random.uuid} in its name differs on each new
    // resolution).
    Path dataDir = Path.of(signing.keystore()).getParent().getParent();
    long before = filesIn(dataDir);
    Response refused =
        verify("notes.pdf", "application/pdf", "just text".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asText()).isEqualTo("not-pdf-or-zip");
    assertThat(refused.json().get("messageFa").asText()).contains("PDF");
    assertThat(refused.json().get("messageEn").asText()).contains("PDF");
    assertThat(filesIn(dataDir)).isEqualTo(before);
  }

  @Test
  void aZipWhoseEntryClimbsOutOfItsFolderIsRefusedAsHostile() throws IOException {
    Response refused =
        verify("bag.zip", "application/zip", zip("../../etc/bagit.txt", "BagIt-Version: 1.0\n"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asText()).isEqualTo("hostile-zip");
    assertThat(refused.json().get("messageFa").asText()).contains("ZIP");
  }

  @Test
  void aZipBombIsRefusedWhileItInflates() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("bag/data/zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(out.size()).isLessThan(1 << 20);
    Response refused = verify("bomb.zip", "application/zip", out.toByteArray());
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("code").asText()).isEqualTo("hostile-zip");
    assertThat(refused.json().get("messageEn").asText()).contains("compression ratio");
  }

  @Test
  void aZipWithoutABagIsRefused() throws IOException {
    Response refused = verify("photos.zip", "application/zip", zip("photo.txt", "not a bag"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("code").asText()).isEqualTo("no-bag");
  }

  @Test
  void anUnsignedBagIsNotValid() throws IOException {
    JsonNode v =
        verify("bag.zip", "application/zip", zip("bag/bagit.txt", "BagIt-Version: 1.0\n")).json();
    assertThat(v.get("valid").asBoolean()).isFalse();
    assertThat(v.get("messageEn").asText()).contains("not signed");
  }

  private Response verify(String name, String type, byte[] bytes) {
    return SignatureTools.verify(
        ApiClient.signedIn(port, "graduates.office", "parvandeh"), name, type, bytes);
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static long filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> !p.toString().contains("/db/")).count();
    }
  }
}
