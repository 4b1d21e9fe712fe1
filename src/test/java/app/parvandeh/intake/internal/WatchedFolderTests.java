package app.parvandeh.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.intake.CardArchive;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The scanning station's folder ({@code parvandeh.intake.watch-folder}, set for the tests): what is
 * dropped there becomes a batch like an uploaded archive, is filed away under done/ or refused/,
 * and a claim left half done by a stopped process is taken up again without a second batch or a
 * second attachment.
 */
@ParvandehIntegrationTest
class WatchedFolderTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired IntakeProperties properties;

  private Path folder() {
    return properties.watched().orElseThrow();
  }

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  private StudentRef admitted() {
    return students.admit(TestStudents.newStudent("engineering", 1403, false), "central.admission");
  }

  @Test
  void cardsDroppedInTheFolderBecomeABatchAndAreFiledUnderDone() throws Exception {
    StudentRef a = admitted();
    StudentRef b = admitted();
    String examA = a.studentNumber() + "_EXAM_CARD.pdf";
    String reportB =
        PersianText.toPersianDigits(b.studentNumber()) + "_confidential_report_card.JPG";
    String unknown = "40" + (10_000_000 + (int) (Math.random() * 9_000_000)) + "_EXAM_CARD.pdf";
    Files.write(folder().resolve(examA), CardArchive.pdf());
    Files.write(folder().resolve(reportB), CardArchive.jpeg());
    Files.write(folder().resolve(unknown), CardArchive.pdf());
    Path stillWritten = folder().resolve(a.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.jpg.part");
    Files.write(stillWritten, CardArchive.jpeg());

    // The files ready at one look are one batch; cards written a moment apart can fall on two
    // looks, and so in two batches.
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String card : List.of(examA, reportB, unknown)) {
      JsonNode batch = awaitBatchWith(card);
      assertThat(batch.path("uploadedBy").asText()).isEqualTo(WatchedFolder.ACTOR);
      outcomes.putAll(outcomes(batch));
    }

    assertThat(outcomes)
        .containsEntry(examA, "ATTACHED")
        .containsEntry(reportB, "ATTACHED")
        .containsEntry(unknown, "UNMATCHED")
        .doesNotContainKey(stillWritten.getFileName().toString());
    assertThat(central().get("/api/intake/unmatched").text()).contains(unknown);
    assertThat(filed(WatchedFolder.DONE)).contains(examA, reportB, unknown);
    assertThat(folder().resolve(examA)).doesNotExist();
    assertThat(stillWritten).as("a .part file is still being written").exists();
    assertThat(cardTypes(a)).containsExactly("EXAM_CARD");
    assertThat(cardTypes(b)).containsExactly("CONFIDENTIAL_REPORT_CARD");

    Path renamed = folder().resolve(a.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.jpg");
    Files.move(stillWritten, renamed);
    JsonNode second = awaitBatchWith(renamed.getFileName().toString());
    assertThat(outcomes(second)).containsEntry(renamed.getFileName().toString(), "ATTACHED");
    assertThat(cardTypes(a)).containsExactlyInAnyOrder("EXAM_CARD", "CONFIDENTIAL_REPORT_CARD");
  }

  @Test
  void aZipDroppedInTheFolderIsOneBatchAndAHostileOneIsRefusedAndFiledUnderRefused()
      throws Exception {
    StudentRef a = admitted();
    String sound = "cards-" + UUID.randomUUID() + ".zip";
    String hostile = "evil-" + UUID.randomUUID() + ".ZIP";
    Files.write(
        folder().resolve(sound),
        CardArchive.create()
            .add("1403/" + a.studentNumber() + "_EXAM_CARD.pdf", CardArchive.pdf())
            .bytes());
    Files.write(
        folder().resolve(hostile),
        CardArchive.create()
            .add("../../" + a.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.pdf", CardArchive.pdf())
            .bytes());

    JsonNode accepted = awaitBatchNamed(sound);
    JsonNode refused = awaitBatchNamed(hostile);

    assertThat(outcomes(accepted))
        .containsExactly(Map.entry("1403/" + a.studentNumber() + "_EXAM_CARD.pdf", "ATTACHED"));
    assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
    assertThat(refused.path("reasonEn").asText())
        .contains("escapes")
        .contains("nothing was stored");
    assertThat(filed(WatchedFolder.DONE)).contains(sound).doesNotContain(hostile);
    assertThat(filed(WatchedFolder.REFUSED)).contains(hostile);
    assertThat(cardTypes(a)).containsExactly("EXAM_CARD");
  }

  @Test
  void aLooseFileThatIsAnArchiveIsRefusedAloneAndTheCardsBesideItAreAttached() throws Exception {
    StudentRef a = admitted();
    String card = a.studentNumber() + "_EXAM_CARD.pdf";
    String disguised = a.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.pdf";
    Files.write(
        folder().resolve(disguised), CardArchive.create().add("x.pdf", CardArchive.pdf()).bytes());
    Files.write(folder().resolve(card), CardArchive.pdf());

    JsonNode cards = awaitBatchWith(card);
    JsonNode alone = awaitBatchNamed(disguised);

    assertThat(outcomes(cards)).containsExactly(Map.entry(card, "ATTACHED"));
    assertThat(alone.path("status").asText()).isEqualTo("REFUSED");
    assertThat(alone.path("reasonEn").asText()).contains("nested");
    assertThat(filed(WatchedFolder.REFUSED)).contains(disguised);
    assertThat(cardTypes(a)).containsExactly("EXAM_CARD");
  }

  @Test
  void aClaimLeftByAStoppedProcessIsTakenUpAndAClaimAlreadyRecordedIsOnlyFiledAway()
      throws Exception {
    StudentRef a = admitted();
    String card = a.studentNumber() + "_EXAM_CARD.pdf";
    byte[] bytes = CardArchive.pdf();
    // What a process killed right after claiming leaves: the files in its claim, no batch, no lock
    // held.
    String claimName = "20261201T000000Z-" + UUID.randomUUID().toString().substring(0, 8);
    Path claim =
        Files.createDirectories(folder().resolve(WatchedFolder.PROCESSING).resolve(claimName));
    Files.write(claim.resolve(card), bytes);
    Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minusSeconds(3600)));

    JsonNode batch = awaitBatchWith(card);
    awaitGone(claim);

    assertThat(outcomes(batch)).containsExactly(Map.entry(card, "ATTACHED"));
    assertThat(folder().resolve(WatchedFolder.DONE).resolve(claimName).resolve(card)).exists();

    // What a process killed after recording that claim's batch but before filing its files away
    // leaves.
    Files.createDirectories(claim);
    Files.write(claim.resolve(card), bytes);
    Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minusSeconds(3600)));
    awaitGone(claim);

    assertThat(batchesWith(card)).as("no second batch for the same claim").hasSize(1);
    assertThat(folder().resolve(WatchedFolder.DONE).resolve(claimName).resolve(card)).exists();
    assertThat(cardTypes(a)).containsExactly("EXAM_CARD");
  }

  private List<String> cardTypes(StudentRef student) {
    return documents.documentsOf(student.id()).stream()
        .map(d -> d.typeCode())
        .filter(t -> t.equals("EXAM_CARD") || t.equals("CONFIDENTIAL_REPORT_CARD"))
        .toList();
  }

  private static Map<String, String> outcomes(JsonNode batch) {
    Map<String, String> byName = new LinkedHashMap<>();
    batch
        .path("entries")
        .forEach(e -> byName.put(e.path("name").asText(), e.path("outcome").asText()));
    return byName;
  }

  /** The names filed under done/ or refused/, in any claim. */
  private List<String> filed(String where) throws IOException {
    try (Stream<Path> files = Files.walk(folder().resolve(where))) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  private List<JsonNode> batchesWith(String entryName) {
    ApiClient api = central();
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode summary : api.get("/api/intake/batches").json()) {
      if (summary.path("uploadedBy").asText().equals(WatchedFolder.ACTOR)) {
        JsonNode batch = api.get("/api/intake/batches/" + summary.path("id").asLong()).json();
        if (outcomes(batch).containsKey(entryName)
            || batch.path("fileName").asText().equals(entryName)) {
          found.add(batch);
        }
      }
    }
    return found;
  }

  private JsonNode awaitBatchWith(String entryName) throws InterruptedException {
    return await(entryName);
  }

  private JsonNode awaitBatchNamed(String fileName) throws InterruptedException {
    return await(fileName);
  }

  private JsonNode await(String name) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonNode batch : batchesWith(name)) {
        if (batch.path("status").asText().matches("DONE|REFUSED")) {
          return batch;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no finished batch with " + name + " within a minute");
  }

  private static void awaitGone(Path claim) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (Files.exists(claim) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(claim).as("the claim was taken up").doesNotExist();
  }
}
