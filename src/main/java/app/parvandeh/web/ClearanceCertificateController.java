package app.parvandeh.web;

import app.parvandeh.note.report.ClearanceCertificate;
import app.parvandeh.note.report.ClearanceCertificatePdf;
import app.parvandeh.note.report.ClearanceCertificates;
import app.parvandeh.security.ClearanceRecords;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.shared.DocumentHeaders;
import app.parvandeh.shared.PersianText;
import app.parvandeh.signing.OfficeSignatures;
import app.parvandeh.student.StudentRef;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed clearance certificate («گواهی تسویه پرونده») of a cleared file, as a PAdES-signed PDF;
 * for whoever may see the file, refused (409) while the file is not cleared.
 */
@RestController
class ClearanceCertificateController {

  private final ClearanceCertificates certificates;
  private final OfficeSignatures signatures;

  ClearanceCertificateController(ClearanceCertificates certificates, OfficeSignatures signatures) {
    this.certificates = certificates;
    this.signatures = signatures;
  }

  @GetMapping("/api/students/{studentNumber}/clearance-certificate")
  ResponseEntity<byte[]> certificate(
      @PathVariable String studentNumber, Authentication authentication) {
    ClearanceCertificate certificate =
        certificates.issue(CurrentUser.of(authentication), studentNumber);
    byte[] pdf =
        signatures.signPdf(
            ClearanceCertificatePdf.write(certificate),
            ClearanceCertificatePdf.TITLE
                + " – "
                + PersianText.toPersianDigits(certificate.studentNumber()));
    String name =
        "clearance-certificate-"
            + PersianText.digits(certificate.studentNumber()).replaceAll("[^A-Za-z0-9_-]", "")
            + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .headers(DocumentHeaders.of(MediaType.APPLICATION_PDF_VALUE, name))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(pdf);
  }

  /** Where the file page and the portal link to the certificate, once the file is cleared. */
  static String urlIfCleared(StudentRef student, ClearanceRecords clearance) {
    return clearance.clearanceComplete(student.id())
        ? "/api/students/" + student.studentNumber() + "/clearance-certificate"
        : null;
  }
}
