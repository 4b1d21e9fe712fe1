package app.parvandeh.intake.internal;

import app.parvandeh.document.BatchDocuments;
import app.parvandeh.document.BatchDocuments.CheckedFile;
import app.parvandeh.intake.BatchView;
import app.parvandeh.intake.internal.GuardedZip.HostileArchiveException;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.SpreadsheetCsv;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exam-card and report-card archives (Golestan 18090): a hostile archive is refused whole before
 * anything of it is kept; a sound one is worked through in the background, and what cannot be
 * matched waits in the unmatched queue until a clerk assigns it to a student and type or discards
 * it with a reason.
 */
@Service
public class CardBatches {

  private final IntakeBatchRepository batches;
  private final BatchEntryRepository entries;
  private final BatchRun run;
  private final BatchEntryWork work;
  private final BatchDocuments documents;
  private final StudentService students;
  private final IntakeProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CardBatches(
      IntakeBatchRepository batches,
      BatchEntryRepository entries,
      BatchRun run,
      BatchEntryWork work,
      BatchDocuments documents,
      StudentService students,
      IntakeProperties properties,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.batches = batches;
    this.entries = entries;
    this.run = run;
    this.work = work;
    this.documents = documents;
    this.students = students;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Takes over {@code archive} (a file the caller no longer needs): reads it once through every
   * guard; a hostile archive is deleted and its batch recorded as refused, with the entry that made
   * it so; a sound one is kept and queued.
   */
  public BatchView receive(String fileName, Path archive, String actor) {
    return receive(fileName, archive, actor, null);
  }

  /**
   * {@link #receive(String, Path, String)} for an archive picked up from the watched folder under
   * the claim {@code sourceKey} (null for an upload). Nobody waits for a folder's answer, so a file
   * that is no readable ZIP of cards is recorded as a refused batch there, where an upload is
   * answered 400.
   */
  public BatchView receive(String fileName, Path archive, String actor, String sourceKey) {
    String name = fileName == null || fileName.isBlank() ? "batch.zip" : fileName;
    int count;
    try (InputStream in = Files.newInputStream(archive)) {
      count = GuardedZip.read(in, properties.limits(), (no, entryName, kind, content) -> {});
    } catch (HostileArchiveException e) {
      delete(archive);
      return status(refuse(name, actor, sourceKey, e));
    } catch (IOException e) {
      delete(archive);
      return notCards(
          name,
          actor,
          sourceKey,
          ParvandehException.badRequest(
              "unreadable-archive", "بایگانی ZIP خوانا نیست.", "The ZIP archive cannot be read."));
    }
    if (count == 0) {
      delete(archive);
      return notCards(
          name,
          actor,
          sourceKey,
          ParvandehException.badRequest(
              "empty-archive",
              "فایل یک بایگانی ZIP با فایل‌های کارت نیست یا خالی است.",
              "The file is not a ZIP archive of cards, or it is empty."));
    }
    Long id =
        transaction.execute(
            s ->
                batches
                    .save(new IntakeBatch(name, actor, Instant.now(clock), count).from(sourceKey))
                    .getId());
    try {
      Files.createDirectories(properties.batchDir());
      Files.move(archive, properties.archiveOf(id), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the archive of batch " + id, e);
    }
    run.queue(id);
    return status(id);
  }

  /** The batch recorded for the watched-folder claim {@code sourceKey}, if there is one. */
  public Optional<BatchView> fromSource(String sourceKey) {
    return batches.findBySourceKey(sourceKey).map(b -> status(b.getId(), false));
  }

  /**
   * Whether a batch is still to be worked but its archive is not where it is kept: the process
   * stopped between recording the batch and keeping its archive (then nothing of it is done yet).
   */
  public boolean lacksArchive(Long id) {
    IntakeBatch batch = batches.findById(id).orElseThrow();
    return (batch.getStatus() == BatchStatus.QUEUED || batch.getStatus() == BatchStatus.RUNNING)
        && !Files.exists(properties.archiveOf(id));
  }

  /** Keeps {@code archive} as the (missing) archive of batch {@code id} and queues it. */
  public BatchView resume(Long id, Path archive) {
    try {
      Files.move(archive, properties.archiveOf(id), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not keep the archive of batch " + id, e);
    }
    run.queue(id);
    return status(id, false);
  }

  /** The latest {@code count} batches, newest first, without their entries. */
  public List<BatchView> recent(int count) {
    return batches.findByOrderByIdDesc(PageRequest.of(0, count)).stream()
        .map(b -> status(b.getId(), false))
        .toList();
  }

  private BatchView notCards(
      String name, String actor, String sourceKey, ParvandehException refusal) {
    if (sourceKey == null) {
      throw refusal;
    }
    return status(
        transaction.execute(
            s -> {
              IntakeBatch batch =
                  new IntakeBatch(name, actor, Instant.now(clock), 0).from(sourceKey);
              batch.refuse(refusal.messageFa(), refusal.messageEn(), Instant.now(clock));
              return batches.save(batch).getId();
            }));
  }

  /**
   * A new empty file where an upload is received, beside the kept archives (so it is moved, not
   * copied).
   */
  public Path newUploadFile() {
    try {
      Files.createDirectories(properties.batchDir());
      return Files.createTempFile(properties.batchDir(), "upload-", ".zip");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Long refuse(String name, String actor, String sourceKey, HostileArchiveException e) {
    return transaction.execute(
        s -> {
          IntakeBatch batch =
              new IntakeBatch(name, actor, Instant.now(clock), e.entryNo()).from(sourceKey);
          batch.refuse(e.reasonFa(), e.reasonEn(), Instant.now(clock));
          Long id = batches.save(batch).getId();
          entries.save(
              new BatchEntry(
                  id,
                  e.entryNo(),
                  e.entryName(),
                  EntryOutcome.REFUSED,
                  null,
                  null,
                  e.reasonFa(),
                  e.reasonEn()));
          return id;
        });
  }

  public BatchView status(Long id) {
    return status(id, true);
  }

  /**
   * The batch's progress; without {@code withEntries} only the counts (cheap enough to poll every
   * second).
   */
  public BatchView status(Long id, boolean withEntries) {
    IntakeBatch batch =
        batches
            .findById(id)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "batch-not-found", "این دسته فایل پیدا نشد.", "No such batch."));
    List<BatchView.Entry> all =
        !withEntries
            ? List.of()
            : entries.findByBatchIdOrderByEntryNo(id).stream().map(CardBatches::view).toList();
    Map<EntryOutcome, Long> counts = new EnumMap<>(EntryOutcome.class);
    for (EntryOutcome outcome : EntryOutcome.values()) {
      counts.put(outcome, 0L);
    }
    for (Object[] line : entries.countByOutcome(id)) {
      counts.put((EntryOutcome) line[0], (Long) line[1]);
    }
    long done = counts.values().stream().mapToLong(Long::longValue).sum();
    return new BatchView(
        batch.getId(),
        batch.getFileName(),
        batch.getUploadedBy(),
        batch.getUploadedAt(),
        batch.getStatus().name(),
        batch.getReasonFa(),
        batch.getReasonEn(),
        batch.getEntryCount(),
        done,
        counts.get(EntryOutcome.ATTACHED),
        counts.get(EntryOutcome.DUPLICATE),
        counts.get(EntryOutcome.UNMATCHED),
        counts.get(EntryOutcome.REFUSED),
        counts.get(EntryOutcome.IGNORED),
        batch.getFinishedAt(),
        all);
  }

  public byte[] reportCsv(Long id) {
    List<List<String>> lines =
        status(id).entries().stream()
            .map(
                e ->
                    List.of(
                        String.valueOf(e.entryNo()),
                        e.name(),
                        e.outcome(),
                        text(e.studentNumber()),
                        text(e.typeCode()),
                        text(e.reasonFa()),
                        text(e.reasonEn()),
                        text(e.resolution()),
                        text(e.resolutionReason())))
            .toList();
    return SpreadsheetCsv.write(
        List.of(
            "entry",
            "name",
            "outcome",
            "student_number",
            "type_code",
            "reason_fa",
            "reason_en",
            "resolution",
            "resolution_reason"),
        lines);
  }

  /** The unmatched queue: entries of every batch that wait for a clerk, oldest first. */
  public List<BatchView.Entry> unmatched() {
    return entries.queue().stream().map(CardBatches::view).toList();
  }

  /**
   * Attaches a waiting entry to the student's file as {@code typeCode}, checked like any upload.
   */
  public BatchView.Entry assign(Long entryId, String studentNumber, String typeCode, String actor) {
    BatchEntry waiting = waiting(entryId);
    if (typeCode == null || !BatchDocuments.TYPES.contains(typeCode)) {
      throw ParvandehException.badRequest(
          "unknown-type",
          "نوع مدرک باید EXAM_CARD یا CONFIDENTIAL_REPORT_CARD باشد.",
          "The type must be EXAM_CARD or CONFIDENTIAL_REPORT_CARD.");
    }
    StudentRef student = students.get(studentNumber == null ? "" : studentNumber);
    IntakeBatch batch = batches.findById(waiting.getBatchId()).orElseThrow();
    AtomicReference<CheckedFile> checked = new AtomicReference<>();
    run.withEntry(
        waiting.getBatchId(),
        waiting.getEntryNo(),
        (no, name, kind, content) ->
            checked.set(
                documents.check(typeCode, name.substring(name.lastIndexOf('/') + 1), content)));
    work.serially(
        () ->
            transaction.executeWithoutResult(
                s -> {
                  BatchEntry entry = lockWaiting(entryId);
                  if (documents.alreadyAttached(checked.get().sha256())) {
                    throw ParvandehException.conflict(
                        "already-attached",
                        "همین فایل (همان بایت‌ها) پیش‌تر پیوست شده است؛ آن را با ذکر دلیل کنار بگذارید.",
                        "The same bytes are already attached; discard this entry with a reason.");
                  }
                  var attached =
                      work.attachInTransaction(
                          student, typeCode, checked.get(), batch.getFileName(), actor);
                  entry.assignTo(
                      student.studentNumber(),
                      typeCode,
                      checked.get().sha256(),
                      attached.versionId(),
                      actor,
                      Instant.now(clock));
                }));
    run.releaseIfResolved(waiting.getBatchId());
    return view(entries.findById(entryId).orElseThrow());
  }

  /**
   * Takes a waiting entry out of the queue without attaching it; the reason is kept in the report.
   */
  public BatchView.Entry discard(Long entryId, String reason, String actor) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw ParvandehException.badRequest(
          "reason-required",
          "دلیل کنار گذاشتن را (حداکثر ۱۰۰۰ نویسه) بنویسید.",
          "Say why the entry is discarded (at most 1000 characters).");
    }
    BatchEntry waiting = waiting(entryId);
    transaction.executeWithoutResult(
        s -> lockWaiting(entryId).discardFor(why, actor, Instant.now(clock)));
    run.releaseIfResolved(waiting.getBatchId());
    return view(entries.findById(entryId).orElseThrow());
  }

  private BatchEntry waiting(Long entryId) {
    BatchEntry entry =
        entries
            .findById(entryId)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "entry-not-found",
                        "این فایل در صف فایل‌های بی‌صاحب نیست.",
                        "No such batch entry."));
    if (!entry.waitsInQueue()) {
      throw ParvandehException.conflict(
          "entry-resolved",
          "این فایل دیگر در صف نیست (پیش‌تر رسیدگی شده است).",
          "This entry is no longer in the queue (it was dealt with already).");
    }
    return entry;
  }

  private BatchEntry lockWaiting(Long entryId) {
    BatchEntry entry = entries.lock(entryId).orElseThrow();
    if (!entry.waitsInQueue()) {
      throw ParvandehException.conflict(
          "entry-resolved",
          "این فایل دیگر در صف نیست (پیش‌تر رسیدگی شده است).",
          "This entry is no longer in the queue (it was dealt with already).");
    }
    return entry;
  }

  private static BatchView.Entry view(BatchEntry e) {
    return new BatchView.Entry(
        e.getId(),
        e.getEntryNo(),
        e.getName(),
        e.getOutcome().name(),
        e.getStudentNumber(),
        e.getTypeCode(),
        e.getReasonFa(),
        e.getReasonEn(),
        e.getResolution() == null ? null : e.getResolution().name(),
        e.getResolutionReason(),
        e.getResolvedBy());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
