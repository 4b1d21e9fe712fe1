package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.intake.internal.IntakeProperties;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exam cards and report cards arrive in archives; each file is matched, checked and attached, or
 * accounted for.
 */
@ParvandehIntegrationTest
class CardBatchTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired NoteService notes;
  @Autowired IntakeProperties properties;
  @Autowired app.parvandeh.document.DocumentProperties documentProperties;

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  private StudentRef admitted() {
    return students.admit(TestStudents.newStudent("engineering", 1403, false), "central.admission");
  }

  private static Map<String, String> outcomes(JsonNode batch) {
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    batch
        .path("entries")
        .forEach(e -> byName.put(e.path("name").asText(), e.path("outcome").asText()));
    return byName;
  }

  private List<DocumentView> cardsOf(StudentRef student) {
    return documents.documentsOf(student.id()).stream()
        .filter(
            d ->
                d.typeCode().equals("EXAM_CARD") || d.typeCode().equals("CONFIDENTIAL_REPORT_CARD"))
        .toList();
  }

  @Test
  void matchedCardsAreAttachedWithANoteAndEveryOtherEntryIsAccountedFor() {
    StudentRef a = admitted();
    StudentRef b = admitted();
    byte[] examA = CardArchive.pdf();
    String persianA = PersianText.toPersianDigits(a.studentNumber());
    byte[] zip =
        CardArchive.create()
            .folder("cards/")
            .add("cards/" + persianA + "_EXAM_CARD.PDF", examA)
            .add("cards/" + a.studentNumber() + "_confidential_report_card.jpg", CardArchive.jpeg())
            .add(b.studentNumber() + "_EXAM_CARD.pdf", CardArchive.pdf())
            .add("copy/" + a.studentNumber() + "_EXAM_CARD.pdf", examA)
            .add("99999999_EXAM_CARD.pdf", CardArchive.pdf())
            .add(a.studentNumber() + "_DIPLOMA.pdf", CardArchive.pdf())
            .add("scan 001.pdf", CardArchive.pdf())
            .add(
                b.studentNumber() + "_CONFIDENTIAL_REPORT_CARD.pdf",
                "MZ not a pdf at all".getBytes(StandardCharsets.US_ASCII))
            .add(
                "__MACOSX/cards/._" + a.studentNumber() + "_EXAM_CARD.PDF",
                new byte[] {0, 5, 22, 7})
            .add("cards/.DS_Store", new byte[] {0, 0, 0, 1})
            .add("Thumbs.db", new byte[] {1, 2})
            .bytes();

    JsonNode batch = CardArchive.uploadAndWait(central(), zip);

    assertThat(batch.path("status").asText()).isEqualTo("DONE");
    assertThat(outcomes(batch).values())
        .containsExactly(
            "IGNORED",
            "ATTACHED",
            "ATTACHED",
            "ATTACHED",
            "DUPLICATE",
            "UNMATCHED",
            "UNMATCHED",
            "UNMATCHED",
            "REFUSED",
            "IGNORED",
            "IGNORED",
            "IGNORED");
    assertThat(batch.path("attached").asInt()).isEqualTo(3);
    assertThat(batch.path("unmatched").asInt()).isEqualTo(3);
    batch
        .path("entries")
        .forEach(
            e -> {
              if (!e.path("outcome").asText().equals("ATTACHED")) {
                assertThat(e.path("reasonFa").asText()).as(e.toString()).isNotBlank();
                assertThat(e.path("reasonEn").asText()).as(e.toString()).isNotBlank();
              }
            });
    assertThat(batch.path("entries").get(8).path("reasonEn").asText()).contains("not a PDF");
    assertThat(cardsOf(a))
        .extracting(DocumentView::typeCode)
        .containsExactlyInAnyOrder("EXAM_CARD", "CONFIDENTIAL_REPORT_CARD");
    assertThat(cardsOf(a)).allSatisfy(d -> assertThat(d.current().versionNo()).isEqualTo(1));
    assertThat(cardsOf(b)).extracting(DocumentView::typeCode).containsExactly("EXAM_CARD");
    assertThat(notes.notesOf(a.id()))
        .filteredOn(n -> n.kind().equals(NoteKind.BATCH_DOCUMENT.name()))
        .hasSize(2)
        .allSatisfy(
            n ->
                assertThat(n.addresses())
                    .singleElement()
                    .satisfies(address -> assertThat(address.documentVersionId()).isNotNull()));
  }

  @Test
  void theSameArchiveAgainAttachesNothingTwice() {
    StudentRef a = admitted();
    byte[] zip =
        CardArchive.create().add(a.studentNumber() + "_EXAM_CARD.pdf", CardArchive.pdf()).bytes();
    CardArchive.uploadAndWait(central(), zip);

    JsonNode again = CardArchive.uploadAndWait(central(), zip);

    assertThat(outcomes(again).values()).containsExactly("DUPLICATE");
    assertThat(cardsOf(a)).singleElement().satisfies(d -> assertThat(d.previous()).isEmpty());
  }

  /** Each hostile archive, and what the report must name. */
  static Stream<Map.Entry<String, byte[]>> hostile() {
    Random random = new Random(11);
    byte[] lowEntropy = new byte[900_000];
    for (int i = 0; i < lowEntropy.length; i++) {
      lowEntropy[i] = (byte) (random.nextBoolean() ? 'a' : 'b');
    }
    CardArchive many = CardArchive.create();
    for (int i = 0; i < 51; i++) {
      many.add("4031234" + (100 + i) + "_EXAM_CARD.pdf", new byte[] {'%'});
    }
    CardArchive large = CardArchive.create();
    for (int i = 0; i < 5; i++) {
      large.add("4030000" + (100 + i) + "_EXAM_CARD.pdf", lowEntropy);
    }
    return Stream.of(
        Map.entry(
            "escapes",
            CardArchive.create()
                .add("../../etc/4031234567_EXAM_CARD.pdf", CardArchive.pdf())
                .bytes()),
        Map.entry(
            "escapes",
            CardArchive.create().add("/tmp/4031234567_EXAM_CARD.pdf", CardArchive.pdf()).bytes()),
        Map.entry(
            "escapes",
            CardArchive.create()
                .add("cards\\..\\4031234567_EXAM_CARD.pdf", CardArchive.pdf())
                .bytes()),
        Map.entry(
            "escapes",
            CardArchive.create().add("C:/x/4031234567_EXAM_CARD.pdf", CardArchive.pdf()).bytes()),
        Map.entry(
            "ZIP bomb",
            CardArchive.create().add("4031234567_EXAM_CARD.pdf", new byte[30_000_000]).bytes()),
        Map.entry("over the limit", large.bytes()),
        Map.entry("entries in one archive", many.bytes()),
        Map.entry(
            "nested",
            CardArchive.create()
                .add(
                    "inner.zip",
                    CardArchive.create().add("4031234567_EXAM_CARD.pdf", CardArchive.pdf()).bytes())
                .bytes()),
        Map.entry(
            "nested",
            CardArchive.create()
                .add(
                    "4031234567_EXAM_CARD.pdf",
                    CardArchive.create().add("x.pdf", CardArchive.pdf()).bytes())
                .bytes()),
        Map.entry(
            "encrypted",
            CardArchive.create()
                .add("4031234567_EXAM_CARD.pdf", CardArchive.pdf())
                .withFirstEntryEncrypted()));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("hostile")
  void aHostileArchiveIsRefusedWholeWithAReportAndNothingOfItIsKept(
      Map.Entry<String, byte[]> archive) throws IOException {
    assertThat(archive.getValue().length).as("fits the test upload limit").isLessThan(1_000_000);

    JsonNode batch = CardArchive.uploadAndWait(central(), archive.getValue());

    assertThat(batch.path("status").asText()).isEqualTo("REFUSED");
    assertThat(batch.path("reasonEn").asText())
        .contains(archive.getKey())
        .contains("nothing was stored");
    assertThat(batch.path("reasonFa").asText()).contains("رد شد");
    assertThat(batch.path("entries"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("outcome").asText()).isEqualTo("REFUSED"));
    assertThat(batch.path("attached").asInt()).isZero();
    try (Stream<java.nio.file.Path> kept = Files.list(properties.batchDir())) {
      assertThat(kept.map(p -> p.getFileName().toString()))
          .noneMatch(
              n ->
                  n.equals("batch-" + batch.path("id").asLong() + ".zip")
                      || n.startsWith("upload-"));
    }
  }

  @Test
  void theUnmatchedQueueIsWorkedToTheEnd() throws IOException {
    StudentRef a = admitted();
    byte[] known = CardArchive.pdf();
    byte[] zip =
        CardArchive.create()
            .add("scan-" + a.studentNumber() + ".pdf", CardArchive.pdf())
            .add("4039999999_EXAM_CARD.jpg", CardArchive.jpeg())
            .add("note_for_clerk.pdf", known)
            .add(a.studentNumber() + "_EXAM_CARD.pdf", known)
            .bytes();
    ApiClient api = central();
    JsonNode batch = CardArchive.uploadAndWait(api, zip);
    long batchId = batch.path("id").asLong();
    Function<Integer, Long> entryId = i -> batch.path("entries").get(i).path("id").asLong();
    assertThat(api.get("/api/intake/unmatched").json().findValuesAsText("id"))
        .contains(
            String.valueOf(entryId.apply(0)),
            String.valueOf(entryId.apply(1)),
            String.valueOf(entryId.apply(2)));
    assertThat(Files.exists(properties.archiveOf(batchId))).as("kept while entries wait").isTrue();

    Response assigned =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(0) + "/assign",
            Map.of("studentNumber", a.studentNumber(), "typeCode", "CONFIDENTIAL_REPORT_CARD"));
    Response twice =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(0) + "/assign",
            Map.of("studentNumber", a.studentNumber(), "typeCode", "CONFIDENTIAL_REPORT_CARD"));
    Response nobody =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(1) + "/assign",
            Map.of("studentNumber", "4039999999", "typeCode", "EXAM_CARD"));
    Response noReason =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(1) + "/discard", Map.of("reason", " "));
    Response discarded =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(1) + "/discard",
            Map.of("reason", "دانشجو انصراف داده و پرونده‌ای ندارد"));
    Response sameBytes =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(2) + "/assign",
            Map.of("studentNumber", a.studentNumber(), "typeCode", "EXAM_CARD"));
    Response clerk =
        ApiClient.signedIn(port, "clerk.eng", "parvandeh")
            .postJson(
                "/api/intake/unmatched/" + entryId.apply(2) + "/discard",
                Map.of("reason", "تکراری"));
    Response last =
        api.postJson(
            "/api/intake/unmatched/" + entryId.apply(2) + "/discard",
            Map.of("reason", "همان کارت آزمون است که پیوست شد"));

    assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
    assertThat(assigned.json().path("resolution").asText()).isEqualTo("ASSIGNED");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(discarded.json().path("resolution").asText()).isEqualTo("DISCARDED");
    assertThat(sameBytes.status()).isEqualTo(409);
    assertThat(clerk.status()).isEqualTo(403);
    assertThat(last.status()).isEqualTo(200);
    assertThat(cardsOf(a))
        .extracting(DocumentView::typeCode)
        .containsExactlyInAnyOrder("EXAM_CARD", "CONFIDENTIAL_REPORT_CARD");
    assertThat(api.get("/api/intake/unmatched").json().findValuesAsText("id"))
        .doesNotContain(
            String.valueOf(entryId.apply(0)),
            String.valueOf(entryId.apply(1)),
            String.valueOf(entryId.apply(2)));
    assertThat(Files.exists(properties.archiveOf(batchId)))
        .as("released once nothing waits")
        .isFalse();
    String report = api.get("/api/intake/batches/" + batchId + "/report.csv").text();
    assertThat(report)
        .contains("ASSIGNED")
        .contains("DISCARDED,دانشجو انصراف داده و پرونده‌ای ندارد");
  }

  @Test
  void anArchiveLargerThanTheUploadLimitOfADocumentIsTakenWhole() {
    List<StudentRef> three = List.of(admitted(), admitted(), admitted());
    Random random = new Random(21);
    CardArchive archive = CardArchive.create();
    for (StudentRef s : three) {
      archive.add(
          s.studentNumber() + "_EXAM_CARD.pdf",
          CardArchive.paddedPdf(s.studentNumber(), 600, random));
    }
    byte[] zip = archive.bytes();
    assertThat((long) zip.length)
        .as("over the per-file multipart limit")
        .isGreaterThan(documentProperties.maxFileSize().toBytes())
        .isLessThan(properties.maxBatchSize().toBytes());

    JsonNode batch = CardArchive.uploadAndWait(central(), zip);

    assertThat(batch.path("status").asText()).isEqualTo("DONE");
    assertThat(batch.path("attached").asInt()).as(batch.toString()).isEqualTo(3);
    assertThat(three)
        .allSatisfy(
            s ->
                assertThat(cardsOf(s))
                    .extracting(DocumentView::typeCode)
                    .containsExactly("EXAM_CARD"));
  }

  @Test
  void anArchiveOverTheBatchLimitIsRefusedWith413AndNothingOfItIsKept() throws IOException {
    Random random = new Random(22);
    CardArchive archive = CardArchive.create();
    for (int i = 0; i < 6; i++) {
      archive.add(
          "40300001" + (10 + i) + "_EXAM_CARD.pdf",
          CardArchive.paddedPdf("over " + i, 750, random));
    }
    byte[] zip = archive.bytes();
    assertThat((long) zip.length).isGreaterThan(properties.maxBatchSize().toBytes());

    Response answer = CardArchive.upload(central(), zip);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.json().path("code").asText()).isEqualTo("batch-too-large");
    assertThat(answer.json().path("messageFa").asText()).contains("مگابایت");
    try (Stream<java.nio.file.Path> kept = Files.list(properties.batchDir())) {
      assertThat(kept.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("upload-"));
    }
  }

  @Test
  void onlyCentralAdmissionUploadsArchives() {
    Response clerk =
        CardArchive.upload(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh"),
            CardArchive.create().add("4031234567_EXAM_CARD.pdf", CardArchive.pdf()).bytes());
    Response notZip = CardArchive.upload(central(), "not a zip".getBytes(StandardCharsets.UTF_8));

    assertThat(clerk.status()).isEqualTo(403);
    assertThat(notZip.status()).isEqualTo(400);
    assertThat(notZip.json().path("messageFa").asText()).isNotBlank();
  }
}
