package app.parvandeh.intake.internal;

import app.parvandeh.intake.BatchView;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server folder the scanning station drops cards into ({@code parvandeh.intake.watch-folder}),
 * taken up as batches exactly like an uploaded archive: same guards, outcomes, unmatched queue and
 * report.
 *
 * <p>When a file is taken: never while its name ends in {@code .part} (the station writes {@code
 * x.pdf.part} and renames it when done) or starts with a dot (hidden temporary files), and
 * otherwise only once its size and time have stayed the same across two looks and for {@code
 * watch-settle}, so a file still being copied is left alone. Only files at the top of the folder
 * are taken, not folders.
 *
 * <p>Claiming: the files ready at one look are moved with an atomic rename into a claim folder of
 * their own under {@code processing/}, so of several nodes watching one shared folder exactly one
 * gets each file (the others' rename finds nothing). The claiming process holds a file lock on the
 * claim while it works; the batch it records names the claim ({@code intake_batch.source_key},
 * unique), and only then are the files moved to {@code done/<claim>/} (or {@code refused/<claim>/}
 * for a refused archive). A process killed on the way leaves a claim whose lock the operating
 * system has released; whichever node looks next takes it up again: a claim with its batch recorded
 * only has its files moved, one without is recorded then, so no file becomes two batches and none
 * is lost. Each ZIP is a batch of its own; the loose cards of one claim are one batch together,
 * except a file that would make that batch hostile (an archive, a name with a backslash), which is
 * a batch alone and is refused alone.
 */
@Component
class WatchedFolder {

  static final String ACTOR = "watch-folder";
  static final String PROCESSING = "processing";
  static final String DONE = "done";
  static final String REFUSED = "refused";
  private static final String LOCK = ".lock";
  private static final DateTimeFormatter CLAIM_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Logger log = LoggerFactory.getLogger(WatchedFolder.class);

  private record Seen(long size, FileTime modified) {}

  private final CardBatches batches;
  private final IntakeProperties properties;
  private final Clock clock;

  /** What each waiting file looked like at the last look (only the watching thread touches it). */
  private Map<Path, Seen> seen = new HashMap<>();

  private ScheduledExecutorService timer;

  WatchedFolder(CardBatches batches, IntakeProperties properties, Clock clock) {
    this.batches = batches;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    properties
        .watched()
        .ifPresent(
            folder -> {
              try {
                for (String sub : List.of(PROCESSING, DONE, REFUSED)) {
                  Files.createDirectories(folder.resolve(sub));
                }
              } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the watched folder " + folder, e);
              }
              timer =
                  Executors.newSingleThreadScheduledExecutor(
                      r -> {
                        Thread thread = new Thread(r, "intake-watch");
                        thread.setDaemon(true);
                        return thread;
                      });
              timer.scheduleWithFixedDelay(
                  () -> {
                    try {
                      look(folder);
                    } catch (RuntimeException e) {
                      log.error(
                          "Looking into the watched folder {} failed; it is tried again",
                          folder,
                          e);
                    }
                  },
                  0,
                  properties.watchInterval().toMillis(),
                  TimeUnit.MILLISECONDS);
              log.info("Watching {} for exam cards and report cards", folder);
            });
  }

  @PreDestroy
  void stop() throws InterruptedException {
    if (timer != null) {
      timer.shutdown();
      timer.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** One look: claims left by a stopped process first, then the files that are ready. */
  void look(Path folder) {
    for (Path claim : list(folder.resolve(PROCESSING), Files::isDirectory)) {
      if (olderThanSettle(claim)) {
        withLock(claim, () -> takeUp(folder, claim));
      }
    }
    List<Path> ready = ready(folder);
    if (ready.isEmpty()) {
      return;
    }
    Path claim =
        folder
            .resolve(PROCESSING)
            .resolve(
                CLAIM_TIME.format(Instant.now(clock))
                    + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
    try {
      Files.createDirectory(claim);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    withLock(
        claim,
        () -> {
          for (Path file : ready) {
            try {
              Files.move(file, claim.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException | FileAlreadyExistsException takenByAnotherNode) {
              // another node's rename came first: the file is its own
            } catch (AtomicMoveNotSupportedException e) {
              throw new IllegalStateException("The watched folder must allow renames within it", e);
            } catch (IOException e) {
              log.warn("Could not claim {}; it is tried again at the next look", file, e);
            }
          }
          takeUp(folder, claim);
        });
  }

  /**
   * Files whose size and time stayed the same since the last look, for at least {@code
   * watch-settle}.
   */
  private List<Path> ready(Path folder) {
    Map<Path, Seen> now = new HashMap<>();
    List<Path> ready = new ArrayList<>();
    Instant settled = Instant.now(clock).minus(properties.watchSettle());
    for (Path file : list(folder, f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))) {
      String name = file.getFileName().toString();
      if (name.startsWith(".") || name.toLowerCase(Locale.ROOT).endsWith(".part")) {
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException gone) {
        continue;
      }
      Seen look = new Seen(attributes.size(), attributes.lastModifiedTime());
      now.put(file, look);
      if (look.equals(seen.get(file)) && look.modified().toInstant().isBefore(settled)) {
        ready.add(file);
      }
    }
    seen = now;
    return ready;
  }

  /**
   * Makes the claim's batches (or finds those recorded before a crash), then files its files away.
   */
  private void takeUp(Path folder, Path claim) {
    String key = claim.getFileName().toString();
    List<Path> loose = new ArrayList<>();
    for (Path file : list(claim, f -> !f.getFileName().toString().equals(LOCK))) {
      String name = file.getFileName().toString();
      if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        batch(folder, key, key + "/" + name, name, List.of(file), true);
      } else if (GuardedZip.wouldBeHostile(name, head(file))) {
        batch(folder, key, key + "/" + name, name, List.of(file), false);
      } else {
        loose.add(file);
      }
    }
    if (!loose.isEmpty()) {
      batch(folder, key, key + "/*", "watch-folder-" + key + ".zip", loose, false);
    }
  }

  private void batch(
      Path folder, String claim, String key, String name, List<Path> files, boolean isZip) {
    BatchView batch = batches.fromSource(key).orElse(null);
    if (batch == null || batches.lacksArchive(batch.id())) {
      Path archive = batches.newUploadFile();
      try {
        if (isZip) {
          keepCopy(files.get(0), archive);
        } else {
          zip(files, archive);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      batch =
          batch == null
              ? batches.receive(name, archive, ACTOR, key)
              : batches.resume(batch.id(), archive);
    }
    Path to = folder.resolve("REFUSED".equals(batch.status()) ? REFUSED : DONE).resolve(claim);
    try {
      Files.createDirectories(to);
      for (Path file : files) {
        Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.info(
        "Watched folder: {} file(s) of claim {} are batch {} ({})",
        files.size(),
        claim,
        batch.id(),
        batch.status());
  }

  /**
   * The batch takes over its own copy of a dropped ZIP (the original is filed away): a hard link
   * where the file system has them, so half a gigabyte is not written again, otherwise a copy.
   */
  private static void keepCopy(Path zip, Path archive) throws IOException {
    Files.delete(archive);
    try {
      Files.createLink(archive, zip);
    } catch (IOException | UnsupportedOperationException noLinks) {
      Files.copy(zip, archive, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Loose cards as one archive, stored as they are (they are PDFs and JPEGs, compressed already).
   */
  private static void zip(List<Path> files, Path archive) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      zip.setLevel(Deflater.NO_COMPRESSION);
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean olderThanSettle(Path claim) {
    try {
      return Files.getLastModifiedTime(claim)
          .toInstant()
          .isBefore(Instant.now(clock).minus(properties.watchSettle()));
    } catch (IOException gone) {
      return false;
    }
  }

  /**
   * Runs {@code work} holding the claim's lock, then removes the claim; does nothing when a running
   * process (this one included) holds it.
   */
  private static void withLock(Path claim, Runnable work) {
    try (FileChannel channel =
            FileChannel.open(
                claim.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        return;
      }
      work.run();
      Files.deleteIfExists(claim.resolve(LOCK));
      Files.deleteIfExists(claim);
    } catch (NoSuchFileException finishedMeanwhile) {
      // another node finished this claim and removed it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  private static List<Path> list(Path folder, java.util.function.Predicate<Path> keep) {
    try (Stream<Path> children = Files.list(folder)) {
      return children.filter(keep).sorted().toList();
    } catch (NoSuchFileException gone) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
