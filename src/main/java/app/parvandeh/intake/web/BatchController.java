package app.parvandeh.intake.web;

import app.parvandeh.intake.BatchView;
import app.parvandeh.intake.internal.CardBatches;
import app.parvandeh.intake.internal.IntakeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card archives (202, worked through in the background), their reports, and the unmatched queue
 * clerks work.
 */
@RestController
class BatchController {

  private final CardBatches batches;
  private final IntakeProperties properties;

  BatchController(CardBatches batches, IntakeProperties properties) {
    this.batches = batches;
    this.properties = properties;
  }

  /**
   * Streamed to disk past the container's per-file limit (see {@link StreamedBatchUpload}); the
   * caller's access is checked before a byte of the body is read.
   */
  @PostMapping(path = StreamedBatchUpload.PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<BatchView> upload(HttpServletRequest request, Authentication authentication)
      throws IOException {
    String actor = IntakeAccess.centralAdmission(authentication).id();
    StreamedBatchUpload.Received received =
        StreamedBatchUpload.receive(request, batches.newUploadFile(), properties);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(batches.receive(received.fileName(), received.file(), actor));
  }

  /**
   * The latest batches, newest first, counts only: uploaded ones and those picked up from the
   * watched folder.
   */
  @GetMapping(StreamedBatchUpload.PATH)
  List<BatchView> recent(Authentication authentication) {
    IntakeAccess.reader(authentication);
    return batches.recent(50);
  }

  /** With {@code rows=false} only the counts, for polling while a large archive runs. */
  @GetMapping("/api/intake/batches/{id}")
  BatchView status(
      @PathVariable Long id,
      @RequestParam(defaultValue = "true") boolean rows,
      Authentication authentication) {
    IntakeAccess.reader(authentication);
    return batches.status(id, rows);
  }

  @GetMapping("/api/intake/batches/{id}/report.csv")
  ResponseEntity<byte[]> report(@PathVariable Long id, Authentication authentication) {
    IntakeAccess.reader(authentication);
    return CohortController.csv(batches.reportCsv(id), "card-batch-" + id + ".csv");
  }

  @GetMapping("/api/intake/unmatched")
  List<BatchView.Entry> unmatched(Authentication authentication) {
    IntakeAccess.reader(authentication);
    return batches.unmatched();
  }

  record Assignment(String studentNumber, String typeCode) {}

  @PostMapping("/api/intake/unmatched/{entryId}/assign")
  BatchView.Entry assign(
      @PathVariable Long entryId,
      @RequestBody Assignment assignment,
      Authentication authentication) {
    String actor = IntakeAccess.centralAdmission(authentication).id();
    return batches.assign(entryId, assignment.studentNumber(), assignment.typeCode(), actor);
  }

  record Discard(String reason) {}

  @PostMapping("/api/intake/unmatched/{entryId}/discard")
  BatchView.Entry discard(
      @PathVariable Long entryId, @RequestBody Discard discard, Authentication authentication) {
    String actor = IntakeAccess.centralAdmission(authentication).id();
    return batches.discard(entryId, discard.reason(), actor);
  }
}
