package app.parvandeh.signing;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.note.report.ClearanceCertificatePdf;
import app.parvandeh.security.ClearanceFixture;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.X509CertificateHolder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clearance certificate of a cleared file: a Persian PDF signed as PAdES with the office's key,
 * checked by poppler's pdfsig, by BouncyCastle alone, by our verification API, and read back from
 * its rendered pixels.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClearanceCertificateTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired StudyDocumentWorkflow studyDocuments;
  @Autowired GraduationClearance clearance;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OfficeKey office;

  @TempDir Path work;

  ClearanceFixture cleared;
  ClearanceFixture atCentralCheck;
  ApiClient central;
  byte[] certificate;

  @BeforeAll
  void files() {
    ClearanceFixture.Services services =
        new ClearanceFixture.Services(
            students, studyDocuments, clearance, runtime, tasks, management);
    cleared = ClearanceFixture.at(ClearanceFixture.Step.CLEARED, services);
    atCentralCheck = ClearanceFixture.at(ClearanceFixture.Step.CENTRAL_CHECK, services);
    central = ApiClient.signedIn(port, "central.records", "parvandeh");
    Response answer = central.get(url(cleared), "application/pdf");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/pdf");
    certificate = answer.body();
  }

  @Test
  void pdfsigFindsTheCertificatesPadesSignatureValidAndCoveringTheWholeDocument() throws Exception {
    String report = SignatureTools.pdfsig(certificate, work);
    assertThat(report)
        .contains(
            "Signature Type: ETSI.CAdES.detached",
            "Total document signed",
            "Signature is Valid",
            office.certificate().getSubjectX500Principal().getName().split(",")[0].substring(3));
  }

  @Test
  void bouncyCastleAloneVerifiesTheCmsWithItsSigningCertificateV2AttributeAndTheOfficesCertificate()
      throws Exception {
    X509CertificateHolder signer = SignatureTools.assertPadesSignatureVerifies(certificate);
    assertThat(signer.getEncoded()).isEqualTo(office.certificate().getEncoded());
  }

  @Test
  void theVerificationApiSaysValidByThisOfficeWhenAndUnchanged() {
    Response answer =
        SignatureTools.verify(central, "certificate.pdf", "application/pdf", certificate);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode v = answer.json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("signedByThisOffice").asBoolean()).isTrue();
    assertThat(v.get("messageFa").asText()).contains("معتبر");
    assertThat(v.get("messageEn").asText()).contains("valid");
    JsonNode item = v.at("/items/0");
    assertThat(item.get("signer").asText()).contains("CN=");
    assertThat(item.get("signedAtJalali").asText()).matches("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}.*");
    assertThat(item.get("unchanged").asBoolean()).isTrue();
  }

  @Test
  void oneChangedByteInTheSignedRangeFailsInPdfsigAndInTheVerificationApi() throws Exception {
    byte[] changed = certificate.clone();
    int inHeaderComment = SignatureTools.indexOf(certificate, "\n%".getBytes()) + 2;
    changed[inHeaderComment] ^= 0x01;
    assertThat(SignatureTools.pdfsig(changed, work))
        .doesNotContain("Signature is Valid")
        .contains("Digest Mismatch");
    JsonNode v = SignatureTools.verify(central, "changed.pdf", "application/pdf", changed).json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isFalse();
    assertThat(v.at("/items/0/signatureValid").asBoolean()).isFalse();
    assertThat(v.get("messageFa").asText()).contains("معتبر نیست");
  }

  @Test
  void aChangeAppendedAfterTheSignatureIsReportedAsLaterIncrementalChanges() throws Exception {
    ByteArrayOutputStream appended = new ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(certificate)) {
      document.getDocumentInformation().setTitle("تغییر پس از امضا");
      document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      document.saveIncremental(appended);
    }
    JsonNode v =
        SignatureTools.verify(central, "appended.pdf", "application/pdf", appended.toByteArray())
            .json();
    assertThat(v.get("valid").asBoolean()).as(v.toString()).isFalse();
    assertThat(v.at("/items/0/signatureValid").asBoolean()).isTrue();
    assertThat(v.at("/items/0/unchanged").asBoolean()).isFalse();
    assertThat(v.at("/items/0/changes/0").asText()).contains("incremental");
    assertThat(SignatureTools.pdfsig(appended.toByteArray(), work))
        .contains("Not total document signed");
  }

  /**
   * From pixels, not from the text layer: the page as pdftoppm draws it, read by Tesseract's
   * Persian model. Two resolutions, because Tesseract reads the large title best small and the body
   * best large.
   */
  @Test
  void theRenderedCertificateReadsAsPersianWithTheTitleTheStudentsNameAndNumber() throws Exception {
    Path pdf = work.resolve("certificate.pdf");
    Files.write(pdf, certificate);
    Path kept = Files.createDirectories(Path.of("target", "signing-renderings"));
    StringBuilder read = new StringBuilder();
    for (String dpi : new String[] {"100", "200"}) {
      Path png = work.resolve("page-" + dpi + ".png");
      SignatureTools.Run raster =
          SignatureTools.run(
              work,
              "pdftoppm",
              "-r",
              dpi,
              "-png",
              "-f",
              "1",
              "-l",
              "1",
              "-singlefile",
              pdf.toString(),
              work.resolve("page-" + dpi).toString());
      assertThat(raster.exitCode()).as(raster.output()).isZero();
      Files.copy(
          png,
          kept.resolve("clearance-certificate-" + dpi + "dpi.png"),
          StandardCopyOption.REPLACE_EXISTING);
      SignatureTools.Run ocr =
          SignatureTools.run(work, "tesseract", png.toString(), "stdout", "-l", "fas");
      assertThat(ocr.exitCode()).as(ocr.output()).isZero();
      read.append(ocr.output()).append('\n');
    }
    String text = compact(read.toString());
    assertThat(text)
        .as(read.toString())
        .contains(compact(ClearanceCertificatePdf.TITLE))
        .contains(compact(cleared.student().firstName()), compact(cleared.student().lastName()))
        .contains(PersianText.toPersianDigits(cleared.number()))
        .contains(compact("دانش‌آموختگان"));
  }

  @Test
  void aFileNotClearedGetsNoCertificateButAPersianAndEnglish409() {
    Response refused = central.get(url(atCentralCheck));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("file-not-cleared");
    assertThat(refused.json().get("messageFa").asText()).contains("تسویه نشده");
    assertThat(refused.json().get("messageEn").asText()).contains("not cleared");
  }

  @Test
  void theStudentFetchesTheirOwnCertificateAndThePortalAndFilePageLinkItOnceCleared() {
    ApiClient graduate = ApiClient.signedIn(port, cleared.number(), cleared.student().nationalId());
    assertThat(graduate.get("/api/portal/file").json().get("clearanceCertificateUrl").asText())
        .isEqualTo(url(cleared));
    Response own = graduate.get(url(cleared), "application/pdf");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(
            central
                .get("/api/students/" + cleared.number() + "/file")
                .json()
                .get("clearanceCertificateUrl")
                .asText())
        .isEqualTo(url(cleared));
    assertThat(
            central
                .get("/api/students/" + atCentralCheck.number() + "/file")
                .json()
                .get("clearanceCertificateUrl")
                .isNull())
        .isTrue();
  }

  private static String url(ClearanceFixture file) {
    return "/api/students/" + file.number() + "/clearance-certificate";
  }

  /** Letters only, in one form: OCR spaces and joins Persian words its own way. */
  private static String compact(String text) {
    return text.replace('ي', 'ی').replace('ك', 'ک').replaceAll("[\\s\\u200c\\u200f\\u200e]", "");
  }
}
