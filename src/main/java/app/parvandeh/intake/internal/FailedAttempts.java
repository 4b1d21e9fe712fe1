package app.parvandeh.intake.internal;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the attempts of a cohort row or an archive entry that failed for a reason that is not a
 * refusal (a constraint of another table, a lock that never frees, a bug), and gives the item up
 * after {@code parvandeh.intake.max-attempts} of them. Without this such an item stayed undone and
 * was tried again at every resume for ever, its import never ending. One or two failures are taken
 * for transient ones (a deadlock, a lock timeout, a node dying) and the item waits for the next
 * run, as before. The count is kept in the database in a transaction of its own, so it outlives the
 * rollback of the attempt and a crash; an attempt killed with its process is not counted (nothing
 * catches it), which suits a dying node.
 */
@Component
class FailedAttempts {

  static final String COHORT = "cohort";
  static final String BATCH = "batch";

  private static final Logger log = LoggerFactory.getLogger(FailedAttempts.class);
  private static final int MAX_CAUSE = 200;

  /** One row or entry: its import's kind and id, and its number in the import. */
  record Item(String kind, long importId, int no) {}

  /** An item given up: after how many failed attempts, and the last one's short technical cause. */
  record GaveUp(int attempts, String cause) {

    /** The count in Persian digits. */
    String attemptsFa() {
      return PersianText.toPersianDigits(String.valueOf(attempts));
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final IntakeWorker worker;
  private final Clock clock;
  private final int maxAttempts;

  FailedAttempts(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      IntakeWorker worker,
      Clock clock,
      IntakeProperties properties) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.worker = worker;
    this.clock = clock;
    this.maxAttempts = Math.max(1, properties.maxAttempts());
  }

  /**
   * Runs one attempt of {@code item} (looked up only if the attempt fails). A refusal ({@link
   * ParvandehException}) is the caller's to record and passes through. Any other failure is counted
   * and logged, and the caller goes on with its next item: this one stays undone for the next run,
   * or, at its last allowed attempt, {@code giveUp} ends it.
   */
  void attempt(Supplier<Item> item, Runnable attempt, Consumer<GaveUp> giveUp) {
    try {
      attempt.run();
    } catch (ParvandehException refusal) {
      throw refusal;
    } catch (RuntimeException failure) {
      if (worker.stopping()) {
        // the application closing under the attempt is not the item's fault
        throw failure;
      }
      Item failed = item.get();
      String cause = cause(failure);
      int failures = count(failed, cause);
      if (failures < maxAttempts) {
        log.warn(
            "Intake {} {} item {} failed (attempt {} of {}); it is tried again at the next run",
            failed.kind(),
            failed.importId(),
            failed.no(),
            failures,
            maxAttempts,
            failure);
        return;
      }
      log.error(
          "Intake {} {} item {} failed {} times; it is given up and left to a clerk",
          failed.kind(),
          failed.importId(),
          failed.no(),
          failures,
          failure);
      giveUp.accept(new GaveUp(failures, cause));
    }
  }

  /** Adds one failed attempt with its cause; the number of them so far. */
  int count(Item item, String cause) {
    Timestamp now = Timestamp.from(clock.instant());
    String error = cause.length() > 500 ? cause.substring(0, 500) : cause;
    return ownTransaction.execute(
        status -> {
          int updated =
              jdbc.update(
                  "update intake_attempt set failures = failures + 1, last_error = ?, last_failed_at = ?"
                      + " where kind = ? and import_id = ? and item_no = ?",
                  error,
                  now,
                  item.kind(),
                  item.importId(),
                  item.no());
          if (updated == 0) {
            jdbc.update(
                "insert into intake_attempt (kind, import_id, item_no, failures, last_error, last_failed_at)"
                    + " values (?, ?, ?, 1, ?, ?)",
                item.kind(),
                item.importId(),
                item.no(),
                error,
                now);
          }
          return jdbc.queryForObject(
              "select failures from intake_attempt where kind = ? and import_id = ? and item_no = ?",
              Integer.class,
              item.kind(),
              item.importId(),
              item.no());
        });
  }

  /**
   * The failure's short technical text: its innermost cause (the database's own words, not the
   * wrappers'), first line, without the SQL statement H2 appends.
   */
  static String cause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof SQLException sql && sql.getNextException() != null) {
      root = sql.getNextException();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().strip();
    int end = message.indexOf('\n');
    message = end < 0 ? message : message.substring(0, end);
    int statement = message.indexOf("; SQL statement:");
    message = statement < 0 ? message : message.substring(0, statement);
    String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return text.length() > MAX_CAUSE ? text.substring(0, MAX_CAUSE - 1) + "…" : text;
  }
}
