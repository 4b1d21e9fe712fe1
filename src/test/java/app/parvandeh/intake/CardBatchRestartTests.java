package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A card batch survives the application being killed in the middle (SIGKILL): after the restart it
 * goes on with the entries not yet recorded, and every card is attached exactly once, with one
 * note.
 */
@ChildApplicationTest
class CardBatchRestartTests {

  // enough that the batch cannot finish within the two seconds the kill waits (that would take
  // 500 cards a second; H2 has done about 230 at best, see docs/benchmarks.md)
  private static final int CARDS = 1000;

  @Test
  void aBatchKilledHalfwayResumesAfterTheRestartAndAttachesEveryCardExactlyOnce() throws Exception {
    Path dataDir = Files.createTempDirectory("parvandeh-batch-restart-");
    CohortList list = CohortList.create();
    for (int i = 0; i < CARDS; i++) {
      list.row();
    }
    CardArchive archive = CardArchive.create();
    Random random = new Random(7);
    for (int i = 0; i < CARDS; i++) {
      // A real (small) PDF each: documents are kept only if they fully parse.
      byte[] card = DemoFiles.pdf("card " + i + " " + Long.toHexString(random.nextLong()));
      archive.add("cards/" + list.get(i, "student_number") + "_EXAM_CARD.pdf", card);
    }
    String[] largeUploads =
        ChildApplication.demoWithoutJobs(
            ChildApplication.withQuickTakeover(
                "--spring.servlet.multipart.max-file-size=100MB",
                "--spring.servlet.multipart.max-request-size=100MB"));
    long id;
    long doneAtKill;
    try (ChildApplication first = ChildApplication.start(dataDir, "first.log", largeUploads)) {
      ApiClient api = ApiClient.signedIn(first.port(), "central.admission", "parvandeh");
      CohortList.importAndWait(api, list.bytes());
      long uploaded = System.nanoTime();
      id = CardArchive.upload(api, archive.bytes()).json().path("id").asLong();
      doneAtKill = waitForSomeEntries(api, id, uploaded);
      first.kill();
    }
    System.out.printf("killed with %d of %d cards done%n", doneAtKill, CARDS);
    assertThat(doneAtKill)
        .as("killed in the middle of the batch")
        .isBetween(CARDS / 5L, CARDS - 1L);

    JsonNode finished;
    try (ChildApplication second = ChildApplication.start(dataDir, "second.log", largeUploads)) {
      finished =
          CardArchive.waitUntilDone(
              ApiClient.signedIn(second.port(), "central.admission", "parvandeh"), id);
    }

    assertThat(finished.path("status").asText()).isEqualTo("DONE");
    assertThat(finished.path("attached").asInt()).as(finished.toString()).isEqualTo(CARDS);
    try (Connection db = ChildApplication.h2(dataDir)) {
      assertThat(
              ChildApplication.count(db, "select count(*) from batch_entry where batch_id = " + id))
          .isEqualTo(CARDS);
      String students =
          "(select s.id from student s join batch_entry e on e.student_number = s.student_number"
              + " where e.batch_id = "
              + id
              + ")";
      assertThat(
              ChildApplication.count(
                  db,
                  "select count(*) from document_version v join document d on d.id = v.document_id"
                      + " where d.type_code = 'EXAM_CARD' and d.student_id in "
                      + students))
          .isEqualTo(CARDS);
      assertThat(
              ChildApplication.count(
                  db,
                  "select count(*) from note where kind = 'BATCH_DOCUMENT' and student_id in "
                      + students))
          .isEqualTo(CARDS);
    }
    assertThat(dataDir.resolve("intake/batches/batch-" + id + ".zip"))
        .as("released: nothing waits")
        .doesNotExist();
    FileSystemUtils.deleteRecursively(dataDir);
  }

  /**
   * Waits until a fifth of the entries are done and two seconds have passed since the upload: H2
   * writes its file about once a second, and the batch itself must be on disk for there to be
   * something to resume.
   */
  private static long waitForSomeEntries(ApiClient api, long id, long uploaded)
      throws InterruptedException {
    while (true) {
      long done = api.get("/api/intake/batches/" + id + "?rows=false").json().path("done").asLong();
      if (done >= CARDS / 5 && System.nanoTime() - uploaded > 2_000_000_000L) {
        return done;
      }
      Thread.sleep(50);
    }
  }
}
