package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile files a student uploads through the API: each is refused with a precise 4xx in Persian
 * and English and stores nothing; real PDFs, JPEGs and PNGs are still accepted; stored documents
 * are served so a browser runs nothing in them.
 */
@ParvandehIntegrationTest
class HostileUploadTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired DocumentProperties properties;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  UploadingStudent uploader;

  @BeforeEach
  void admittedStudentWithOpenUploadTask() {
    uploader = UploadingStudent.admit(port, students, runtime, management, documents, properties);
  }

  static Stream<Arguments> hostileFiles() {
    return Stream.of(
        refused(
            "a truncated PDF",
            "cert.pdf",
            HostileFiles::truncatedPdf,
            400,
            "truncated-pdf",
            "truncated"),
        refused(
            "a PDF cut inside a page, with a fake end marker",
            "cert.pdf",
            HostileFiles::pdfCutInsideAPageWithAFakeEnd,
            400,
            "unreadable-pdf",
            "not every page"),
        refused(
            "a PDF whose page content is not what its filter says",
            "cert.pdf",
            HostileFiles::pdfWithCorruptPageContent,
            400,
            "unreadable-pdf",
            "not every page"),
        refused(
            "a PDF without pages",
            "cert.pdf",
            HostileFiles::pdfWithoutPages,
            400,
            "empty-pdf",
            "no pages"),
        refused(
            "an HTML page followed by a PDF",
            "cert.pdf",
            HostileFiles::htmlThenPdf,
            415,
            "unsupported-type",
            "not a PDF"),
        refused(
            "a PDF that is also an HTML page",
            "cert.pdf",
            HostileFiles::pdfCarryingHtml,
            400,
            "markup-inside",
            "HTML markup (<script)"),
        refused(
            "a PDF that runs JavaScript when opened",
            "cert.pdf",
            HostileFiles::pdfWithJavaScriptOpenAction,
            400,
            "active-content",
            "JavaScript"),
        refused(
            "a PDF with a link that launches a program",
            "cert.pdf",
            HostileFiles::pdfWithLaunchAction,
            400,
            "active-content",
            "launch action"),
        refused(
            "a PDF carrying an embedded file",
            "cert.pdf",
            HostileFiles::pdfWithEmbeddedFile,
            400,
            "active-content",
            "embedded file"),
        refused(
            "a PDF that needs a password",
            "cert.pdf",
            HostileFiles::encryptedPdf,
            400,
            "encrypted-pdf",
            "encrypted"),
        refused(
            "a JPEG header with an HTML body",
            "photo.jpg",
            HostileFiles::jpegHeaderWithHtmlBody,
            400,
            "markup-inside",
            "HTML markup"),
        refused(
            "a truncated JPEG",
            "photo.jpg",
            HostileFiles::truncatedJpeg,
            400,
            "truncated-image",
            "truncated"),
        refused(
            "a JPEG with an HTML page after its end marker",
            "photo.jpg",
            () -> HostileFiles.withTrailingHtml(HostileFiles.image("jpg", 400, 300)),
            400,
            "trailing-data",
            "after the image's end marker"),
        refused(
            "a truncated PNG",
            "scan.png",
            HostileFiles::truncatedPng,
            400,
            "truncated-image",
            "truncated"),
        refused(
            "a PNG with an HTML page after IEND",
            "scan.png",
            () -> HostileFiles.withTrailingHtml(HostileFiles.image("png", 400, 300)),
            400,
            "trailing-data",
            "after the image's end marker"),
        refused(
            "a PNG whose header claims 60000 × 60000 pixels",
            "scan.png",
            HostileFiles::pngClaimingHugeDimensions,
            400,
            "image-too-large",
            "60000×60000"),
        refused(
            "an SVG named .png",
            "scan.png",
            () ->
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8),
            415,
            "unsupported-type",
            "not a PDF"),
        refused(
            "a PNG named .jpg",
            "photo.jpg",
            DemoFiles::png,
            415,
            "type-mismatch",
            "does not match"),
        refused(
            "a JPEG named .exe",
            "invoice.exe",
            DemoFiles::jpeg,
            415,
            "type-mismatch",
            "does not match"),
        refused("an empty file", "photo.jpg", () -> new byte[0], 400, "empty-file", "empty"));
  }

  private static Arguments refused(
      String what,
      String fileName,
      Supplier<byte[]> bytes,
      int status,
      String code,
      String messageEn) {
    return Arguments.of(what, fileName, bytes, status, code, messageEn);
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("hostileFiles")
  void aHostileFileIsRefusedPreciselyAndNothingIsStored(
      String what,
      String fileName,
      Supplier<byte[]> bytes,
      int status,
      String code,
      String messageEn) {
    Response answer =
        uploader.refusedUpload(
            new FilePart("BIRTH_CERTIFICATE", fileName, "application/octet-stream", bytes.get()));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.json().get("code").asText()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.json().get("messageEn").asText()).contains(fileName).contains(messageEn);
    assertThat(answer.json().get("messageFa").asText())
        .contains(fileName)
        .containsPattern("[\\u0600-\\u06FF]");
  }

  static Stream<Arguments> realFiles() {
    return Stream.of(
        Arguments.of(
            "a one-page PDF made by PDFBox",
            "cert.pdf",
            (Supplier<byte[]>) () -> HostileFiles.pdf(1)),
        Arguments.of(
            "a five-page PDF made by PDFBox",
            "cert.pdf",
            (Supplier<byte[]>) () -> HostileFiles.pdf(5)),
        Arguments.of(
            "a hand-written one-page PDF",
            "cert.pdf",
            (Supplier<byte[]>) () -> DemoFiles.pdf("birth")),
        Arguments.of(
            "a PDF restricted by an owner password only",
            "cert.pdf",
            (Supplier<byte[]>) HostileFiles::ownerRestrictedPdf),
        Arguments.of(
            "a 1200 × 1600 JPEG",
            "scan.JPG",
            (Supplier<byte[]>) () -> HostileFiles.image("jpg", 1200, 1600)),
        Arguments.of(
            "a 4500 × 300 JPEG (decoded subsampled)",
            "scan.jpeg",
            (Supplier<byte[]>) () -> HostileFiles.image("jpg", 4500, 300)),
        Arguments.of(
            "an 800 × 600 PNG",
            "scan.png",
            (Supplier<byte[]>) () -> HostileFiles.image("png", 800, 600)),
        Arguments.of("a file without an extension", "scan", (Supplier<byte[]>) DemoFiles::png));
  }

  @ParameterizedTest(name = "{0} is accepted")
  @MethodSource("realFiles")
  void aRealDocumentIsStillAccepted(String what, String fileName, Supplier<byte[]> bytes) {
    byte[] file = bytes.get();
    Response answer =
        uploader
            .api()
            .upload(
                uploader.uploadPath(),
                List.of(
                    new FilePart("BIRTH_CERTIFICATE", fileName, "application/octet-stream", file)));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(documents.documentsOf(uploader.student().id())).hasSize(1);
    assertThat(
            uploader.api().get(answer.json().at("/documents/0/current/contentUrl").asText()).body())
        .isEqualTo(file);
  }

  @Test
  void storedDocumentsAreServedSandboxedImagesInlineAndPdfsAsAttachments() {
    Response uploaded =
        uploader
            .api()
            .upload(
                uploader.uploadPath(),
                List.of(
                    new FilePart("PHOTO", "عکس.jpg", "image/jpeg", DemoFiles.jpeg()),
                    new FilePart(
                        "BIRTH_CERTIFICATE",
                        "شناسنامه.pdf",
                        "application/pdf",
                        HostileFiles.pdf(2))));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    for (ApiClient reader : List.of(uploader.api(), clerk)) {
      for (JsonNode document : uploaded.json().get("documents")) {
        boolean pdf = document.at("/current/mediaType").asText().equals("application/pdf");
        Response content = reader.get(document.at("/current/contentUrl").asText());
        assertThat(content.status()).isEqualTo(200);
        assertSandboxed(content);
        assertThat(content.header("Content-Disposition"))
            .startsWith(pdf ? "attachment" : "inline")
            .contains("UTF-8''");
        if (pdf) {
          // The review form's picture of the first page is an inline PNG under the same policy.
          Response preview = reader.get(document.at("/current/previewUrl").asText());
          assertThat(preview.header("Content-Type")).isEqualTo("image/png");
          assertSandboxed(preview);
          assertThat(preview.header("Content-Disposition")).startsWith("inline");
        }
      }
    }
    Response export =
        ApiClient.signedIn(port, "manager", "parvandeh")
            .get("/api/students/" + uploader.student().studentNumber() + "/export");
    assertThat(export.status()).isEqualTo(200);
    assertSandboxed(export);
    assertThat(export.header("Content-Disposition")).startsWith("attachment");
  }

  private static void assertSandboxed(Response answer) {
    assertThat(answer.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
    assertThat(answer.raw().headers().allValues("Content-Security-Policy")).hasSize(1);
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
