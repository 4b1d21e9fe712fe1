package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A card archive larger than the application's whole heap, and far over the 20 MB multipart limit
 * of ordinary uploads, is taken by {@code POST /api/intake/batches} in the real application
 * (default limits, demo profile) running in a small heap: it is streamed to disk, not held in
 * memory, then worked through entry by entry. Figures (heap seen, time) are printed for
 * docs/benchmarks.md, not asserted.
 */
@ChildApplicationTest
class LargeCardBatchSmallHeapTests {

  static final String HEAP = "-Xmx192m";
  static final long HEAP_BYTES = 192L << 20;
  static final int STUDENTS = 40;
  static final int CARDS = 300;

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
  void anArchiveLargerThanTheHeapIsAcceptedAndWorkedThrough() throws Exception {
    dataDir = Files.createTempDirectory("parvandeh-large-batch-");
    app =
        ChildApplication.startWithHeap(
            dataDir, "app.log", HEAP, ChildApplication.demoWithoutJobs());
    ApiClient central = signIn("central.admission");
    CohortList list = CohortList.create();
    for (int i = 0; i < STUDENTS; i++) {
      list.row();
    }
    assertThat(CohortList.importAndWait(central, list.bytes()).path("accepted").asInt())
        .isEqualTo(STUDENTS);

    Path zip = dataDir.resolve("cards.zip");
    Random random = new Random(31);
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < CARDS; i++) {
        // The first cards are the cohort's; the others name nobody in the archive and wait in the
        // unmatched queue.
        String number =
            i < STUDENTS ? list.get(i, "student_number") : String.valueOf(4_090_000_000L + i);
        out.putNextEntry(new ZipEntry("cards/" + number + "_EXAM_CARD.pdf"));
        out.write(CardArchive.paddedPdf("card " + number, 1_000, random));
        out.closeEntry();
      }
    }
    long size = Files.size(zip);
    assertThat(size)
        .as("larger than the child's heap and the 20 MB upload limit")
        .isGreaterThan(HEAP_BYTES);

    ApiClient manager = signIn("manager");
    long started = System.nanoTime();
    Response accepted =
        central.multipartFile(
            "/api/intake/batches", "file", "cards-1405.zip", "application/zip", zip);
    assertThat(accepted.status()).as(accepted + "\n" + app.log()).isEqualTo(202);
    long id = accepted.json().path("id").asLong();
    double maxHeap = 0;
    JsonNode status;
    while (true) {
      maxHeap =
          Math.max(
              maxHeap,
              manager
                  .get("/actuator/metrics/jvm.memory.used?tag=area:heap")
                  .json()
                  .at("/measurements/0/value")
                  .asDouble());
      status = central.get("/api/intake/batches/" + id + "?rows=false").json();
      if (status.path("status").asText().matches("DONE|REFUSED")) {
        break;
      }
      Thread.sleep(500);
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(status.path("status").asText()).as(status + "\n" + app.log()).isEqualTo("DONE");
    assertThat(status.path("attached").asInt()).isEqualTo(STUDENTS);
    assertThat(status.path("unmatched").asInt()).isEqualTo(CARDS - STUDENTS);
    System.out.printf(
        "card batch in %s: %d cards, %.1f MB ZIP, uploaded and worked through in %.1f s (%.0f files/s),"
            + " heap used at most %.1f MB seen%n",
        HEAP, CARDS, size / 1048576.0, seconds, CARDS / seconds, maxHeap / 1048576.0);
  }

  /**
   * Health answers before the demo users are there; sign-in is tried until they are (at most a
   * minute).
   */
  private ApiClient signIn(String user) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        return ApiClient.signedIn(app.port(), user, "parvandeh");
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(500);
      }
    }
  }
}
