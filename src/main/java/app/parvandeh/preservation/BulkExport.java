package app.parvandeh.preservation;

import app.parvandeh.student.FileScope;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A faculty's files or the whole archive as one ZIP of BagIt bags, one per student, each made and
 * verified by {@link FileExport} exactly as a single file's export (and recorded in that student's
 * audit trail). It runs as a background job: students are read a page of numbers at a time, each
 * bag is built on disk, copied into the ZIP as a stream and deleted before the next, so memory
 * holds one page of numbers and one bag's manifests, whatever the archive's size. The ZIP is
 * written to {@code data/exports/} and given its final name when complete; a start-up sweep removes
 * ZIPs (and the partial ZIPs of interrupted jobs) older than {@link FileExport#LEFTOVER_AGE}.
 */
@Service
public class BulkExport {

  static final int PAGE = 200;

  private final FileExport files;
  private final StudentService students;
  private final PreservationJobs jobs;
  private final Clock clock;
  private final Path exportRoot;

  BulkExport(
      FileExport files,
      StudentService students,
      PreservationJobs jobs,
      Clock clock,
      @Value("${parvandeh.data-dir}/exports") Path exportRoot) {
    this.files = files;
    this.students = students;
    this.jobs = jobs;
    this.clock = clock;
    this.exportRoot = exportRoot;
  }

  @EventListener(ApplicationReadyEvent.class)
  void sweepLeftovers() {
    FileExport.sweep(exportRoot, Instant.now(clock).minus(FileExport.LEFTOVER_AGE));
  }

  /**
   * Starts exporting the files in scope of one faculty ({@code facultyCode}) or of all ({@code
   * null}).
   */
  public PreservationJobs.Job start(FileScope scope, String facultyCode, String actor) {
    return jobs.start(
        PreservationJobs.Kind.EXPORT,
        actor,
        facultyCode == null ? "archive" : facultyCode,
        job -> export(job, scope, facultyCode, actor));
  }

  public String zipFileName(PreservationJobs.View job) {
    return "parvandeh-" + ExportNames.sanitize(job.scope()) + "-bags.zip";
  }

  private Path export(PreservationJobs.Job job, FileScope scope, String facultyCode, String actor)
      throws IOException {
    job.total((int) students.countStudents(scope, facultyCode));
    Files.createDirectories(exportRoot);
    Path partial = exportRoot.resolve("export-bulk-" + job.id() + ".zip.partial");
    Path done = exportRoot.resolve("export-bulk-" + job.id() + ".zip");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      String after = "";
      List<String> page;
      while (!(page = students.studentNumbersAfter(scope, facultyCode, after, PAGE)).isEmpty()) {
        for (String number : page) {
          StudentRef student = students.get(number);
          try (ExportedBag bag = files.export(student, actor)) {
            job.progressed(bag.addTo(zip));
          }
        }
        after = page.get(page.size() - 1);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
    return done;
  }
}
