package app.parvandeh.preservation;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Long preservation work (audits, backups, exports) is recorded in the database with a heartbeat
 * its node writes every {@code parvandeh.preservation.jobs.heartbeat}; work whose heartbeat is
 * older than {@code parvandeh.preservation.jobs.stale-after} has lost its node (killed, crashed,
 * switched off) and is closed as interrupted by whichever node looks next. The beats run on a
 * thread of their own: the shared scheduler has one thread, and a long replica catch-up on it must
 * not make running work look dead.
 */
@Component
class Heartbeats {

  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  private final List<Runnable> beats = new CopyOnWriteArrayList<>();
  private final Duration interval;
  private final Duration staleAfter;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "preservation-heartbeat");
            t.setDaemon(true);
            return t;
          });

  Heartbeats(
      @Value("${parvandeh.preservation.jobs.heartbeat:PT5S}") Duration interval,
      @Value("${parvandeh.preservation.jobs.stale-after:PT1M}") Duration staleAfter) {
    if (staleAfter.compareTo(interval.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException(
          "parvandeh.preservation.jobs.stale-after ("
              + staleAfter
              + ") must be at least three heartbeats ("
              + interval
              + " each)");
    }
    this.interval = interval;
    this.staleAfter = staleAfter;
  }

  /**
   * {@code beat} writes this node's heartbeats, then closes what other (or earlier) nodes left
   * running.
   */
  void register(Runnable beat) {
    beats.add(beat);
  }

  Duration staleAfter() {
    return staleAfter;
  }

  /**
   * The first beat as soon as the application is up: work a kill left running is closed (and
   * redone) at once.
   */
  @EventListener(ApplicationReadyEvent.class)
  void startBeating() {
    thread.scheduleWithFixedDelay(this::beatAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void beatAll() {
    for (Runnable beat : beats) {
      try {
        beat.run();
      } catch (RuntimeException e) {
        log.warn("Preservation heartbeat failed", e);
      }
    }
  }

  @PreDestroy
  void stop() {
    thread.shutdownNow();
  }
}
