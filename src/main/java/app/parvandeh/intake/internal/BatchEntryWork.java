package app.parvandeh.intake.internal;

import app.parvandeh.document.BatchDocuments;
import app.parvandeh.document.BatchDocuments.Attached;
import app.parvandeh.document.BatchDocuments.CheckedFile;
import app.parvandeh.intake.internal.BatchNames.Parsed;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One archive entry: matched to a student and type by its name, checked from its bytes like any
 * upload, and attached with a note, in a transaction that also records the entry, so a resumed
 * batch never attaches it twice. What cannot be matched waits in the unmatched queue; nothing is
 * silently dropped.
 */
@Component
public class BatchEntryWork {

  private final BatchEntryRepository entries;
  private final BatchDocuments documents;
  private final StudentService students;
  private final NoteService notes;
  private final TransactionTemplate transaction;
  private final FailedAttempts attempts;

  BatchEntryWork(
      BatchEntryRepository entries,
      BatchDocuments documents,
      StudentService students,
      NoteService notes,
      PlatformTransactionManager transactions,
      FailedAttempts attempts) {
    this.attempts = attempts;
    this.entries = entries;
    this.documents = documents;
    this.students = students;
    this.notes = notes;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records an entry that is not attached (ignored, refused, unmatched). */
  public void record(BatchEntry entry) {
    transaction.executeWithoutResult(status -> entries.save(entry));
  }

  /**
   * Handles a file entry of the archive {@code archiveName}; {@code content} is read once. Its
   * attaching step takes {@code turn} in {@code order}, so entries with the same bytes resolve in
   * the order they were read. A failure that is not a refusal leaves the entry unrecorded for the
   * next run, until its last allowed attempt puts it in the unmatched queue (see {@link
   * FailedAttempts}).
   */
  void handleFile(
      Long batchId,
      int entryNo,
      String name,
      InputStream content,
      String archiveName,
      String actor,
      InOrder order,
      long turn) {
    try {
      attempts.attempt(
          () -> new FailedAttempts.Item(FailedAttempts.BATCH, batchId, entryNo),
          () -> {
            try {
              attachOrQueue(batchId, entryNo, name, content, archiveName, actor, order, turn);
            } catch (ParvandehException e) {
              // a refusal from the attaching step itself: the entry is refused, not tried again
              record(
                  refused(batchId, entryNo, name, BatchNames.parse(name, BatchDocuments.TYPES), e));
            }
          },
          gaveUp -> record(givenUp(batchId, entryNo, name, gaveUp)));
    } finally {
      try {
        order.release(turn);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void attachOrQueue(
      Long batchId,
      int entryNo,
      String name,
      InputStream content,
      String archiveName,
      String actor,
      InOrder order,
      long turn) {
    Parsed parsed = BatchNames.parse(name, BatchDocuments.TYPES);
    String base = name.substring(name.lastIndexOf('/') + 1);
    Optional<StudentRef> student =
        parsed.readable() ? students.find(parsed.studentNumber()) : Optional.empty();
    if (student.isEmpty()) {
      try {
        documents.checkOnly(parsed.typeCode(), base, content);
      } catch (ParvandehException e) {
        record(refused(batchId, entryNo, name, parsed, e));
        return;
      }
      String fa =
          parsed.readable()
              ? "دانشجویی با شماره «" + parsed.studentNumber() + "» در بایگانی نیست."
              : parsed.reasonFa();
      String en =
          parsed.readable()
              ? "No student numbered " + parsed.studentNumber() + " in the archive."
              : parsed.reasonEn();
      record(
          new BatchEntry(
              batchId,
              entryNo,
              name,
              EntryOutcome.UNMATCHED,
              parsed.studentNumber(),
              parsed.typeCode(),
              fa,
              en));
      return;
    }
    CheckedFile file;
    try {
      file = documents.check(parsed.typeCode(), base, content);
    } catch (ParvandehException e) {
      record(refused(batchId, entryNo, name, parsed, e));
      return;
    }
    String number = student.get().studentNumber();
    try {
      order.take(
          turn,
          () ->
              serially(
                  () ->
                      transaction.executeWithoutResult(
                          status -> {
                            if (documents.alreadyAttached(file.sha256())) {
                              entries.save(
                                  new BatchEntry(
                                      batchId,
                                      entryNo,
                                      name,
                                      EntryOutcome.DUPLICATE,
                                      number,
                                      parsed.typeCode(),
                                      "همین فایل (همان بایت‌ها) پیش‌تر پیوست شده است و دوباره پیوست نمی‌شود.",
                                      "The same file (the same bytes) is already attached and is not attached again."));
                              return;
                            }
                            Attached attached =
                                attachInTransaction(
                                    student.get(), parsed.typeCode(), file, archiveName, actor);
                            entries.save(
                                new BatchEntry(
                                        batchId,
                                        entryNo,
                                        name,
                                        EntryOutcome.ATTACHED,
                                        number,
                                        parsed.typeCode(),
                                        null,
                                        null)
                                    .attached(file.sha256(), attached.versionId()));
                          })));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs an attaching transaction alone: "are these bytes attached already?" and the attaching are
   * then one step even while other entries are checked at the same time. A transaction that meets a
   * concurrent change of the same file's process (its job running meanwhile) is tried again; the
   * checked bytes are already stored.
   */
  public void serially(Runnable attaching) {
    synchronized (this) {
      for (int attempt = 1; ; attempt++) {
        try {
          attaching.run();
          return;
        } catch (ConcurrencyFailureException | OptimisticLockingException e) {
          if (attempt == 3) {
            throw e;
          }
        }
      }
    }
  }

  /** Attaches a checked file with its note (Golestan 18090), in the caller's transaction. */
  public Attached attachInTransaction(
      StudentRef student, String typeCode, CheckedFile file, String archiveName, String actor) {
    Attached attached = documents.attach(student.id(), typeCode, file, actor);
    notes.record(
        student.id(),
        NoteKind.BATCH_DOCUMENT,
        "«"
            + attached.typeName()
            + "» به‌صورت گروهی (۱۸۰۹۰) از بایگانی «"
            + archiveName
            + "» به پرونده پیوست شد.",
        actor,
        List.of(
            new NewAddress(
                "parvandeh:document/" + attached.documentId() + "/version/" + attached.versionNo(),
                attached.typeName() + " (" + file.fileName() + ")",
                attached.versionId())),
        NoteKind.BATCH_DOCUMENT.name() + ":" + attached.versionId());
    return attached;
  }

  /**
   * An entry that failed {@code max-attempts} times for a reason that is not its content: it waits
   * in the unmatched queue (its archive is kept meanwhile), where a clerk assigns it, which tries
   * the attaching once more, or discards it. Only its name (cut to fit) and the reason are kept:
   * what its name says may be what could not be stored, and the clerk names student and type
   * anyway.
   */
  private static BatchEntry givenUp(
      Long batchId, int entryNo, String name, FailedAttempts.GaveUp gaveUp) {
    return new BatchEntry(
        batchId,
        entryNo,
        name,
        EntryOutcome.UNMATCHED,
        null,
        null,
        "این فایل پس از "
            + gaveUp.attemptsFa()
            + " بار تلاش پیوست نشد (علت فنی: "
            + gaveUp.cause()
            + "). آن را از صف فایل‌های بی‌صاحب به دانشجو و نوع مدرکش بسپارید یا با ذکر دلیل کنار"
            + " بگذارید؛ اگر باز هم نشد، به مدیر سامانه خبر دهید.",
        "This file could not be attached after "
            + gaveUp.attempts()
            + " attempts (technical cause: "
            + gaveUp.cause()
            + "). Assign it to its student and type from the unmatched queue, or discard it with a"
            + " reason; if assigning fails too, ask the administrator.");
  }

  private static BatchEntry refused(
      Long batchId, int entryNo, String name, Parsed parsed, ParvandehException e) {
    return new BatchEntry(
        batchId,
        entryNo,
        name,
        EntryOutcome.REFUSED,
        parsed.studentNumber(),
        parsed.typeCode(),
        e.messageFa(),
        e.messageEn());
  }
}
