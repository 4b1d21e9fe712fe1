package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ContentCopies.Copy;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.preservation.FixityFindings.Finding;
import app.parvandeh.preservation.FixityFindings.Kind;
import app.parvandeh.preservation.FixityFindings.Source;
import app.parvandeh.preservation.FixityRuns.Run;
import app.parvandeh.preservation.FixityRuns.Status;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fixity audit re-reads both copies of every blob: a flipped byte and a deleted blob, in the
 * primary or in the replica, are found and the copy is rewritten bit-identical from the good one; a
 * blob bad in both is raised to managers; an orphan blob is reported as untracked. Runs are started
 * through the API by managers and the central records office only, and their figures are on
 * /actuator/prometheus.
 */
@ParvandehIntegrationTest
class FixityAuditTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired ContentCopies copies;
  @Autowired DocumentProperties properties;
  @Autowired FixityAudit audit;
  @Autowired FixityFindings findings;
  @Autowired FixityAlerts alerts;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  StudentRef student;
  StoredBlobs blobs;
  final List<byte[]> uploaded = new ArrayList<>();
  final List<String> addresses = new ArrayList<>();

  @BeforeEach
  void aStudentWithThreeDocumentsInBothCopies() {
    blobs = new StoredBlobs(properties);
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    ApiClient studentApi = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    List<FilePart> files = new ArrayList<>();
    for (String type :
        List.of("BIRTH_CERTIFICATE", "PREVIOUS_DEGREE_CERTIFICATE", "NATIONAL_ID_CARD")) {
      byte[] pdf = DemoFiles.pdf(type + " " + UUID.randomUUID());
      uploaded.add(pdf);
      files.add(new FilePart(type, type + ".pdf", "application/pdf", pdf));
    }
    Response upload =
        studentApi.upload("/api/students/" + student.studentNumber() + "/documents", files);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    upload
        .json()
        .get("documents")
        .forEach(d -> addresses.add(documents.content(d.at("/current/id").asLong()).sha256()));
    copies.catchUp();
  }

  @Test
  void aFlippedByteAndADeletedBlobInThePrimaryAreFoundAndRepairedFromTheReplica() throws Exception {
    StoredBlobs.flipAByte(blobs.primary(addresses.get(0)));
    Files.delete(blobs.primary(addresses.get(1)));

    Run run = audit.runNow(student.studentNumber(), "manager");

    assertThat(run.status()).isEqualTo(Status.DONE);
    assertThat(run.blobsChecked()).isEqualTo(3);
    assertThat(run.repairs()).isEqualTo(2);
    assertThat(findings.ofRun(run.id()))
        .extracting(Finding::sha256, Finding::copy, Finding::kind, Finding::repaired)
        .containsExactlyInAnyOrder(
            tuple(addresses.get(0), Copy.PRIMARY, Kind.CHANGED, true),
            tuple(addresses.get(1), Copy.PRIMARY, Kind.MISSING, true));
    assertThat(findings.ofRun(run.id()))
        .allSatisfy(
            f -> {
              assertThat(f.source()).isEqualTo(Source.AUDIT);
              assertThat(f.studentNumber()).isEqualTo(student.studentNumber());
              assertThat(f.documentId()).isNotNull();
            });
    assertBothCopiesBitIdentical();
    assertThat(audit.runNow(student.studentNumber(), "manager").findings()).isZero();
  }

  @Test
  void aFlippedByteAndADeletedBlobInTheReplicaAreFoundAndRepairedFromThePrimary() throws Exception {
    StoredBlobs.flipAByte(blobs.replica(addresses.get(1)));
    Files.delete(blobs.replica(addresses.get(2)));

    Run run = audit.runNow(student.studentNumber(), "manager");

    assertThat(findings.ofRun(run.id()))
        .extracting(Finding::sha256, Finding::copy, Finding::kind, Finding::repaired)
        .containsExactlyInAnyOrder(
            tuple(addresses.get(1), Copy.REPLICA, Kind.CHANGED, true),
            tuple(addresses.get(2), Copy.REPLICA, Kind.MISSING, true));
    assertBothCopiesBitIdentical();
  }

  @Test
  void aBlobBadInBothCopiesIsReportedUnrepairedAndRaisedToManagers() throws Exception {
    Files.delete(blobs.primary(addresses.get(2)));
    StoredBlobs.flipAByte(blobs.replica(addresses.get(2)));

    Run run = audit.runNow(student.studentNumber(), "manager");

    assertThat(findings.ofRun(run.id()))
        .extracting(Finding::copy, Finding::kind, Finding::repaired)
        .containsExactlyInAnyOrder(
            tuple(Copy.PRIMARY, Kind.MISSING, false), tuple(Copy.REPLICA, Kind.CHANGED, false));
    assertThat(run.repairs()).isZero();
    assertThat(alerts.openTask()).isNotNull();
    assertThat(alerts.openTask().getDescription()).contains(student.studentNumber());
    assertThat(Files.exists(blobs.primary(addresses.get(2))))
        .as("nothing bad is put in place")
        .isFalse();
  }

  @Test
  void anOrphanBlobInEitherCopyIsReportedAsUntrackedByAWholeArchiveRun() throws Exception {
    byte[] orphan =
        ("bytes no version points at " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(orphan));
    for (Path file : List.of(blobs.primary(sha), blobs.replica(sha))) {
      Files.createDirectories(file.getParent());
      Files.write(file, orphan);
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(7, ChronoUnit.DAYS)));
    }

    Run run = audit.runNow(null, "manager");

    assertThat(run.studentNumber()).isNull();
    assertThat(findings.ofRun(run.id()))
        .filteredOn(f -> f.sha256().equals(sha))
        .extracting(Finding::copy, Finding::kind, Finding::studentNumber)
        .containsExactlyInAnyOrder(
            tuple(Copy.PRIMARY, Kind.UNTRACKED, null), tuple(Copy.REPLICA, Kind.UNTRACKED, null));
    assertThat(findings.ofRun(run.id())).filteredOn(f -> addresses.contains(f.sha256())).isEmpty();
  }

  @Test
  void managersAndTheCentralRecordsOfficeStartAuditsThroughTheApiAndSeeTheirFindings()
      throws Exception {
    StoredBlobs.flipAByte(blobs.primary(addresses.get(0)));
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");

    Response started =
        manager.post("/api/preservation/audits?studentNumber=" + student.studentNumber());

    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    JsonNode detail = finished(manager, started.json().get("id").asLong());
    assertThat(detail.at("/run/status").asText()).isEqualTo("DONE");
    assertThat(detail.at("/run/repairs").asInt()).isEqualTo(1);
    assertThat(detail.at("/findings/0/kind").asText()).isEqualTo("CHANGED");
    assertThat(detail.at("/findings/0/studentNumber").asText()).isEqualTo(student.studentNumber());
    assertThat(Files.readAllBytes(blobs.primary(addresses.get(0)))).isEqualTo(uploaded.get(0));
    assertThat(
            manager
                .get("/api/preservation/audits")
                .json()
                .at("/backlog/replicaEnabled")
                .asBoolean())
        .isTrue();

    ApiClient records = ApiClient.signedIn(port, "central.records", "parvandeh");
    Response byRecords =
        records.post("/api/preservation/audits?studentNumber=" + student.studentNumber());
    assertThat(byRecords.status()).as(byRecords.toString()).isEqualTo(202);
    finished(records, byRecords.json().get("id").asLong());

    Response byClerk =
        ApiClient.signedIn(port, "clerk.eng", "parvandeh").post("/api/preservation/audits");
    assertThat(byClerk.status()).isEqualTo(403);
    assertThat(byClerk.json().get("messageFa").asText()).isNotBlank();
    assertThat(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh")
                .get("/api/preservation/audits")
                .status())
        .isEqualTo(403);
  }

  @Test
  void findingsRepairsAndTheReplicasBacklogAreOnPrometheus() throws Exception {
    StoredBlobs.flipAByte(blobs.replica(addresses.get(0)));
    audit.runNow(student.studentNumber(), "manager");

    String metrics =
        new String(
            ApiClient.signedIn(port, "manager", "parvandeh")
                .get("/actuator/prometheus", "text/plain")
                .body(),
            StandardCharsets.UTF_8);

    assertThat(metrics)
        .contains("parvandeh_fixity_findings_total{")
        .contains("parvandeh_fixity_repairs_total{")
        .contains("parvandeh_replica_backlog_items ")
        .contains("parvandeh_replica_backlog_oldest_age_seconds ")
        .contains("parvandeh_fixity_audit_last_findings ")
        .contains("parvandeh_fixity_audit_last_finished_seconds ");
  }

  private JsonNode finished(ApiClient client, long runId) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode detail = client.get("/api/preservation/audits/" + runId).json();
      if (!"RUNNING".equals(detail.at("/run/status").asText())) {
        return detail;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("audit " + runId + " did not finish");
  }

  private void assertBothCopiesBitIdentical() throws Exception {
    for (int i = 0; i < addresses.size(); i++) {
      assertThat(Files.readAllBytes(blobs.primary(addresses.get(i)))).isEqualTo(uploaded.get(i));
      assertThat(Files.readAllBytes(blobs.replica(addresses.get(i)))).isEqualTo(uploaded.get(i));
    }
  }
}
