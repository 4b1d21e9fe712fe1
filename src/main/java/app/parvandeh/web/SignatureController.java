package app.parvandeh.web;

import app.parvandeh.shared.DocumentHeaders;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.signing.OfficeSignatures;
import app.parvandeh.signing.SignatureVerification;
import app.parvandeh.signing.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Verifying what the office signed: upload a PDF or a bag's ZIP ({@code file}) and learn whether
 * its signature is valid, by whom and when, whether it is this office's key and whether anything
 * changed since. The answer is about the uploaded bytes only, which the caller holds anyway, so
 * every signed-in user may ask; nothing is stored. The office's certificate is published for
 * checking signatures with other tools (openssl, PDF readers).
 */
@RestController
class SignatureController {

  private final SignatureVerification verification;
  private final OfficeSignatures signatures;

  SignatureController(SignatureVerification verification, OfficeSignatures signatures) {
    this.verification = verification;
    this.signatures = signatures;
  }

  @PostMapping("/api/signatures/verifications")
  Verification verify(@RequestParam(value = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw ParvandehException.badRequest(
          "file-required",
          "سند PDF یا بسته ZIP را برای وارسی انتخاب کنید.",
          "Choose a PDF or a bag's ZIP to verify.");
    }
    try (InputStream in = file.getInputStream()) {
      return verification.verify(in);
    }
  }

  @GetMapping("/api/signatures/office-certificate")
  ResponseEntity<byte[]> officeCertificate() {
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "x-pem-file"))
        .headers(DocumentHeaders.of("application/x-pem-file", "office.pem"))
        .cacheControl(CacheControl.noCache())
        .body(signatures.certificatePem().getBytes(StandardCharsets.US_ASCII));
  }
}
