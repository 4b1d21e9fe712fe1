package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Report 112 of a whole faculty as CSV from the real application in a heap far smaller than the
 * report built whole (about 5 KB of heap per note when it was: 60,000 notes would need some 300 MB;
 * that build answers 500 here): it streams, so it completes in 192 MB with every note in it. (The
 * database is H2 in the same heap, whose sort of one student's 60,000 notes per page needs room of
 * its own: at 128 MB that ran out.) Heap figures are printed for docs/benchmarks.md, not asserted.
 */
@ChildApplicationTest
class NotesReportSmallHeapTests {

  static final String HEAP = "-Xmx192m";
  static final int NOTES = 60_000;
  static final String STUDYING = "4001100004";

  Path dataDir;
  ChildApplication app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.kill();
    }
    FileSystemUtils.deleteRecursively(dataDir);
  }

  @Test
  void aWholeFacultysCsvStreamsInAHeapMuchSmallerThanTheReport() throws Exception {
    dataDir = Files.createTempDirectory("parvandeh-report-heap-");
    app = ChildApplication.start(dataDir, "first.log", ChildApplication.demoWithoutJobs());
    app.kill();
    try (Connection db = ChildApplication.h2(dataDir);
        Statement sql = db.createStatement()) {
      long student =
          ChildApplication.count(
              db, "select id from student where student_number = '" + STUDYING + "'");
      sql.executeUpdate(
          "insert into note (student_id, kind, golestan_screen, body, author, created_at) select "
              + student
              + ", 'GENERAL', '10730', 'یادداشت انبوه شماره ' || x || ' برای آزمودن گزارش یک دانشکده در حافظه کم', 'clerk.eng',"
              + " dateadd('SECOND', x, timestamp with time zone '2026-01-01 00:00:00+00') from system_range(1, "
              + NOTES
              + ")");
      sql.executeUpdate(
          "insert into note_address (note_id, sort_order, address, label) select id, 1,"
              + " 'golestan:service-counter/request/' || id, 'درخواست پیشخوان خدمت' from note where body like 'یادداشت انبوه%'");
    }
    long notesInFaculty;
    try (Connection db = ChildApplication.h2(dataDir)) {
      notesInFaculty =
          ChildApplication.count(
              db,
              "select count(*) from note n join student s on s.id = n.student_id"
                  + " where s.faculty_code = 'engineering'");
    }
    app =
        ChildApplication.startWithHeap(
            dataDir, "app.log", HEAP, ChildApplication.demoWithoutJobs());
    ApiClient clerk = ApiClient.signedIn(app.port(), "clerk.eng", "parvandeh");
    ApiClient manager = ApiClient.signedIn(app.port(), "manager", "parvandeh");
    double heapBefore = heapUsed(manager);

    double[] peak = {heapBefore};
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  peak[0] = Math.max(peak[0], heapUsed(manager));
                  Thread.sleep(250);
                } catch (InterruptedException | RuntimeException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    long started = System.nanoTime();
    sampler.start();
    HttpResponse<InputStream> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + app.port()
                                + "/api/reports/notes?faculty=engineering&format=csv"))
                    .header("Cookie", "JSESSIONID=" + clerk.cookie("JSESSIONID"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(csv.statusCode()).isEqualTo(200);
    long lines = 0;
    long bytes = 0;
    String last = null;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(csv.body(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines++;
        bytes += line.length() + 2;
        last = line;
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "the download broke off after "
              + lines
              + " lines (alive: "
              + app.isAlive()
              + ")\n"
              + app.log(),
          e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    sampler.join();
    double heapAfter = heapUsed(manager);

    assertThat(app.isAlive()).as(app.log()).isTrue();
    assertThat(last).doesNotContain("REPORT INCOMPLETE");
    // The header, then one row per generated note (one address each) and at least one per other
    // note.
    assertThat(lines).as(app.log()).isGreaterThanOrEqualTo(1 + notesInFaculty).isGreaterThan(NOTES);
    System.out.printf(
        "report 112 CSV of a faculty in %s: %d notes, %d lines, ~%d bytes, %.1f s, heap used %.1f MB"
            + " before, at most %.1f MB seen during, %.1f MB after%n",
        HEAP,
        notesInFaculty,
        lines,
        bytes,
        seconds,
        heapBefore / 1024 / 1024,
        peak[0] / 1024 / 1024,
        heapAfter / 1024 / 1024);
  }

  private static double heapUsed(ApiClient manager) {
    return manager
        .get("/actuator/metrics/jvm.memory.used?tag=area:heap")
        .json()
        .at("/measurements/0/value")
        .asDouble();
  }
}
