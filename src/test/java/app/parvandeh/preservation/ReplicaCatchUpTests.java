package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replica catches up from its backlog: an upload is acknowledged with the primary only, queued,
 * and copied exactly; an item that cannot be copied stays queued with its error and is retried
 * later, never dropped.
 */
@ParvandehIntegrationTest
class ReplicaCatchUpTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired ContentCopies copies;
  @Autowired DocumentProperties properties;
  @Autowired JdbcTemplate jdbc;
  @Autowired FixityAudit audit;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  StoredBlobs blobs;
  StudentRef student;
  byte[] pdf;
  String sha;

  @BeforeEach
  void anUploadAcknowledgedWithThePrimaryOnly() {
    blobs = new StoredBlobs(properties);
    NewStudent data = TestStudents.newStudent("engineering", 1402, false);
    student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    pdf = DemoFiles.pdf("birth certificate " + UUID.randomUUID());
    Response upload =
        ApiClient.signedIn(port, student.studentNumber(), data.nationalId())
            .upload(
                "/api/students/" + student.studentNumber() + "/documents",
                List.of(new FilePart("BIRTH_CERTIFICATE", "شناسنامه.pdf", "application/pdf", pdf)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    sha = documents.content(upload.json().at("/documents/0/current/id").asLong()).sha256();
    assertThat(blobs.replica(sha)).as("acknowledged with the primary only").doesNotExist();
  }

  @Test
  void aBlobStillQueuedForTheReplicaIsNotReportedMissingByTheAudit() {
    FixityRuns.Run run = audit.runNow(student.studentNumber(), "manager");

    assertThat(run.blobsChecked()).isEqualTo(1);
    assertThat(run.findings()).isZero();
    assertThat(queued(sha)).hasSize(1);
  }

  @Test
  void anItemThatCannotBeCopiedStaysQueuedAndIsCopiedOnALaterTry() throws Exception {
    assertThat(queued(sha)).hasSize(1);
    assertThat(copies.backlog().items()).isPositive();
    assertThat(copies.backlog().oldestEnqueuedAt()).isNotNull();

    byte[] good = Files.readAllBytes(blobs.primary(sha));
    StoredBlobs.flipAByte(blobs.primary(sha));
    copies.catchUp();

    assertThat(blobs.replica(sha)).as("damaged bytes are not copied").doesNotExist();
    Map<String, Object> item = queued(sha).get(0);
    assertThat(item.get("attempts")).isEqualTo(1);
    assertThat((String) item.get("last_error")).contains("missing or changed");

    Files.write(blobs.primary(sha), good);
    jdbc.update(
        "update replica_backlog set next_attempt_at = next_attempt_at - interval '1' hour where sha256 = ?",
        sha);
    copies.catchUp();

    assertThat(queued(sha)).isEmpty();
    assertThat(Files.readAllBytes(blobs.replica(sha))).isEqualTo(pdf);
  }

  @Test
  void aPassEndsBeforeItsNextItemOnceTheNodeNoLongerHoldsTheLease() throws Exception {
    assertThat(copies.catchUp(() -> false)).isZero();
    assertThat(queued(sha)).as("left for the node holding the lease").hasSize(1);
    assertThat(blobs.replica(sha)).doesNotExist();

    copies.catchUp(() -> true);

    assertThat(queued(sha)).isEmpty();
    assertThat(Files.readAllBytes(blobs.replica(sha))).isEqualTo(pdf);
  }

  private List<Map<String, Object>> queued(String sha) {
    return jdbc.queryForList(
        "select attempts, last_error from replica_backlog where sha256 = ?", sha);
  }
}
