package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.document.BatchDocuments;
import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.DocumentStatus;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.intake.internal.BatchStatus;
import app.parvandeh.intake.internal.CohortRowRules;
import app.parvandeh.intake.internal.EntryOutcome;
import app.parvandeh.intake.internal.EntryResolution;
import app.parvandeh.intake.internal.ImportStatus;
import app.parvandeh.intake.internal.RowOutcome;
import app.parvandeh.monitoring.StuckReason;
import app.parvandeh.preservation.FixityFindings;
import app.parvandeh.preservation.FixityRuns;
import app.parvandeh.student.Degree;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * The pages' and forms' names of codes and upload limits come from the server, for every signed-in
 * user.
 */
@ParvandehIntegrationTest
class LabelsTests {

  @LocalServerPort int port;

  @Value("${parvandeh.documents.max-file-size}")
  DataSize maxFileSize;

  @Value("${spring.servlet.multipart.max-request-size}")
  DataSize maxRequestSize;

  @Test
  void everyCodeTheApiAnswersWithHasTheServersPersianName() {
    JsonNode labels = ApiClient.signedIn(port, "clerk.eng", "parvandeh").get("/api/labels").json();

    Arrays.stream(DocumentStatus.values())
        .forEach(
            s ->
                assertThat(labels.at("/documentStatus/" + s.name()).asText())
                    .isEqualTo(s.labelFa()));
    Arrays.stream(ReviewDecision.values())
        .forEach(
            d ->
                assertThat(labels.at("/reviewDecision/" + d.name()).asText())
                    .isEqualTo(d.labelFa())
                    .isNotBlank());
    Arrays.stream(AuditAction.values())
        .forEach(
            a ->
                assertThat(labels.at("/auditAction/" + a.name()).asText())
                    .isEqualTo(a.labelFa())
                    .isNotBlank());
    assertThat(labels.get("degree").fieldNames())
        .toIterable()
        .containsExactly(Arrays.stream(Degree.values()).map(Degree::name).toArray(String[]::new));
    assertThat(labels.at("/reviewStage/CENTRAL").asText()).isEqualTo("واحد پذیرش ستاد");
  }

  @Test
  void everyIntakeOutcomeAndStatusHasAPersianName() {
    JsonNode labels =
        ApiClient.signedIn(port, "central.admission", "parvandeh").get("/api/labels").json();

    assertNamed(labels, "rowOutcome", RowOutcome.values(), RowOutcome::labelFa);
    assertNamed(labels, "entryOutcome", EntryOutcome.values(), EntryOutcome::labelFa);
    assertNamed(labels, "importStatus", ImportStatus.values(), ImportStatus::labelFa);
    assertNamed(labels, "batchStatus", BatchStatus.values(), BatchStatus::labelFa);
  }

  @Test
  void everyFixityStuckFileAndBatchCodeHasAPersianName() {
    JsonNode labels = ApiClient.signedIn(port, "manager", "parvandeh").get("/api/labels").json();

    assertNamed(
        labels, "fixityFinding", FixityFindings.Kind.values(), FixityFindings.Kind::labelFa);
    assertNamed(labels, "fixityCopy", ContentCopies.Copy.values(), ContentCopies.Copy::labelFa);
    assertNamed(labels, "fixityRunStatus", FixityRuns.Status.values(), FixityRuns.Status::labelFa);
    assertNamed(labels, "stuckReason", StuckReason.values(), StuckReason::labelFa);
    assertNamed(labels, "entryResolution", EntryResolution.values(), EntryResolution::labelFa);
    assertThat(labels.get("batchDocumentType").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(BatchDocuments.TYPES);
    BatchDocuments.TYPES.forEach(
        t ->
            assertThat(labels.at("/batchDocumentType/" + t).asText())
                .as(t)
                .containsPattern("\\p{IsArabic}"));
    // The catalogue's name (V2__document_type_catalogue), not a second spelling.
    assertThat(labels.at("/batchDocumentType/EXAM_CARD").asText()).isEqualTo("کارت آزمون");
  }

  @Test
  void everyCohortColumnARefusalNamesHasAPersianName() {
    JsonNode labels =
        ApiClient.signedIn(port, "central.admission", "parvandeh").get("/api/labels").json();

    for (String column :
        Stream.concat(CohortRowRules.COLUMNS.stream(), Stream.of("row")).toList()) {
      assertThat(labels.at("/cohortColumn/" + column).asText())
          .as(column)
          .containsPattern("\\p{IsArabic}");
    }
  }

  private static <E extends Enum<E>> void assertNamed(
      JsonNode labels, String group, E[] values, Function<E, String> labelFa) {
    assertThat(labels.get(group).fieldNames())
        .toIterable()
        .as(group)
        .containsExactly(Arrays.stream(values).map(Enum::name).toArray(String[]::new));
    Arrays.stream(values)
        .forEach(
            v ->
                assertThat(labels.at("/" + group + "/" + v.name()).asText())
                    .as(group + " " + v)
                    .isEqualTo(labelFa.apply(v))
                    .containsPattern("\\p{IsArabic}"));
  }

  /**
   * A page script that keeps its own code → Persian map drifts from the server's names (it had:
   * «پیوست شد» on one line of the batch page, «پیوست‌شده» on the next). An object literal whose
   * keys, two or more, are all codes of one group /api/labels serves, each given a Persian string,
   * is such a copy. The groups the fixity report, the stuck-files report and the batch page read
   * are among them, so their scripts are held to it too.
   */
  @Test
  void noPageScriptKeepsItsOwnPersianNamesOfTheCodesTheApiNames() throws IOException {
    JsonNode labels = ApiClient.signedIn(port, "clerk.eng", "parvandeh").get("/api/labels").json();
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    labels
        .properties()
        .forEach(
            g -> {
              Set<String> codes = new HashSet<>();
              g.getValue().properties().forEach(c -> codes.add(c.getKey()));
              if (g.getValue().isObject() && !g.getKey().equals("uploads")) {
                groups.put(g.getKey(), codes);
              }
            });
    assertThat(groups)
        .containsKeys(
            "fixityFinding",
            "fixityCopy",
            "fixityRunStatus",
            "stuckReason",
            "batchDocumentType",
            "entryResolution");
    Pattern literal = Pattern.compile("\\{[^{}]*\\}");
    Pattern persianPair =
        Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\s*:\\s*(['\"])[^'\"]*\\p{IsArabic}[^'\"]*\\2");
    List<String> copies = new ArrayList<>();
    for (Path script : scripts(Path.of("src/main/resources/static"), Path.of("forms"))) {
      Matcher m = literal.matcher(Files.readString(script, StandardCharsets.UTF_8));
      while (m.find()) {
        Set<String> keys = new HashSet<>();
        Matcher pair = persianPair.matcher(m.group());
        while (pair.find()) {
          keys.add(pair.group(1));
        }
        groups.forEach(
            (group, codes) -> {
              if (keys.size() >= 2 && codes.containsAll(keys)) {
                copies.add(script + " names " + group + " " + keys + " itself");
              }
            });
      }
    }

    assertThat(copies).isEmpty();
  }

  private static List<Path> scripts(Path... roots) throws IOException {
    List<Path> scripts = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
            .forEach(scripts::add);
      }
    }
    return scripts;
  }

  @Test
  void theUploadLimitsAreTheOnesTheServerEnforces() {
    JsonNode uploads =
        ApiClient.signedIn(port, "4021100001", "0012345679")
            .get("/api/labels")
            .json()
            .get("uploads");

    assertThat(uploads.get("maxFileSizeBytes").asLong()).isEqualTo(maxFileSize.toBytes());
    assertThat(uploads.get("maxRequestBytes").asLong()).isEqualTo(maxRequestSize.toBytes());
    assertThat(uploads.get("extensions"))
        .extracting(JsonNode::asText)
        .containsExactly("jpeg", "jpg", "pdf", "png");
    assertThat(uploads.get("mediaTypes"))
        .extracting(JsonNode::asText)
        .containsExactly("application/pdf", "image/jpeg", "image/png");
  }

  @Test
  void noOneSignedOutReadsThem() {
    Response answer = ApiClient.anonymous(port).get("/api/labels");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("messageFa").asText()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "manager, true",
    "central.records, true",
    "clerk.eng, false",
    "graduates.office, false",
    "4021100001, false"
  })
  void whoMayExportAFileIsSaidWithWhoIsSignedIn(String user, boolean exports) {
    JsonNode me =
        ApiClient.signedIn(port, user, user.equals("4021100001") ? "0012345679" : "parvandeh")
            .get("/api/me")
            .json();

    assertThat(me.at("/capabilities/exportFiles").asBoolean()).isEqualTo(exports);
    assertThat(me.at("/capabilities/readAudit").asBoolean()).isEqualTo(exports);
  }
}
