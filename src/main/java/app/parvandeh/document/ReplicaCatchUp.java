package app.parvandeh.document;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the replica's catch-up in the background ({@code parvandeh.documents.replica-catch-up-delay}). */
@Component
class ReplicaCatchUp {

  private final ContentCopies copies;

  ReplicaCatchUp(ContentCopies copies) {
    this.copies = copies;
  }

  @Scheduled(initialDelayString = "${parvandeh.documents.replica-catch-up-delay:PT10S}",
      fixedDelayString = "${parvandeh.documents.replica-catch-up-delay:PT10S}")
  void run() {
    while (copies.catchUp() > 0) {
      // drain in batches until a pass copies nothing (done, or only items waiting for their retry)
    }
  }
}
