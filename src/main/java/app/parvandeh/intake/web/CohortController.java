package app.parvandeh.intake.web;

import app.parvandeh.intake.CohortImportView;
import app.parvandeh.intake.internal.CohortImports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cohort lists: upload (202, done in the background), progress with every row's outcome, the report
 * as CSV.
 */
@RestController
class CohortController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CohortImports cohorts;

  CohortController(CohortImports cohorts) {
    this.cohorts = cohorts;
  }

  @PostMapping(path = "/api/intake/cohorts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CohortImportView> upload(
      @RequestPart("file") MultipartFile file, Authentication authentication) throws IOException {
    String actor = IntakeAccess.centralAdmission(authentication).id();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(cohorts.start(file.getOriginalFilename(), file.getBytes(), actor));
  }

  /** With {@code rows=false} only the counts, for polling while a large list runs. */
  @GetMapping("/api/intake/cohorts/{id}")
  CohortImportView status(
      @PathVariable Long id,
      @RequestParam(defaultValue = "true") boolean rows,
      Authentication authentication) {
    IntakeAccess.reader(authentication);
    return cohorts.status(id, rows);
  }

  @GetMapping("/api/intake/cohorts/{id}/report.csv")
  ResponseEntity<byte[]> report(@PathVariable Long id, Authentication authentication) {
    IntakeAccess.reader(authentication);
    return csv(cohorts.reportCsv(id), "cohort-import-" + id + ".csv");
  }

  static ResponseEntity<byte[]> csv(byte[] body, String fileName) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
