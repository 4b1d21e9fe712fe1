package app.parvandeh.document.internal;

import app.parvandeh.document.ContentStore;
import app.parvandeh.document.DocumentService;
import app.parvandeh.shared.ClusterLeases;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bytes are stored before their metadata commits, so a rolled-back upload can leave a blob nothing
 * points at. This removes such blobs (and stale temporary files) once they are old enough that no
 * upload is still running ({@code parvandeh.documents.sweep-grace}, default six hours; first {@code
 * sweep-initial-delay} after the start, then every {@code sweep-interval}): a process killed in the
 * middle of uploads leaves such blobs too.
 */
@Component
class UnreferencedContentSweeper {

  private static final Logger log = LoggerFactory.getLogger(UnreferencedContentSweeper.class);

  private final ContentStore store;
  private final DocumentService documents;
  private final Clock clock;
  private final Duration grace;
  private final ClusterLeases leases;

  UnreferencedContentSweeper(
      ContentStore store,
      DocumentService documents,
      Clock clock,
      @Value("${parvandeh.documents.sweep-grace:PT6H}") Duration grace,
      ClusterLeases leases) {
    this.store = store;
    this.documents = documents;
    this.clock = clock;
    this.grace = grace;
    this.leases = leases;
  }

  /**
   * On one node per period: the lease is kept (not released) so the other nodes' timers skip this
   * round.
   */
  @Scheduled(
      initialDelayString = "${parvandeh.documents.sweep-initial-delay:PT10M}",
      fixedDelayString = "${parvandeh.documents.sweep-interval:PT6H}")
  void sweepScheduled() {
    if (leases.tryAcquire("content-sweep", Duration.ofHours(5))) {
      sweep(Instant.now(clock).minus(grace));
    }
  }

  /**
   * Deletes unreferenced content last written before {@code olderThan}; returns how many blobs
   * went.
   */
  int sweep(Instant olderThan) {
    int[] removed = {0};
    try {
      store.forEachStored(
          olderThan,
          sha -> {
            if (!documents.isReferenced(sha)) {
              try {
                store.delete(sha);
                removed[0]++;
              } catch (IOException e) {
                log.warn("Could not delete unreferenced content {}", sha, e);
              }
            }
          });
    } catch (IOException e) {
      log.warn("Content sweep failed", e);
    }
    if (removed[0] > 0) {
      log.info("Removed {} unreferenced content blobs", removed[0]);
    }
    return removed[0];
  }
}
