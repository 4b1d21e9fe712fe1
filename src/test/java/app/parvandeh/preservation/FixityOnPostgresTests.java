package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.document.Upload;
import app.parvandeh.preservation.FixityFindings.Finding;
import app.parvandeh.preservation.FixityFindings.Kind;
import app.parvandeh.preservation.FixityRuns.Run;
import app.parvandeh.preservation.FixityRuns.Status;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.TestStudents;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The replica's backlog, the audit's runs and its findings on PostgreSQL (the production database):
 * a stored letter is queued and copied, a deleted primary copy is found and repaired. Same context
 * as the other PostgreSQL tests; runs when {@code PARVANDEH_DB_URL} names a database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.cookie.secure=false")
@ActiveProfiles({"test", "postgres"})
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class FixityOnPostgresTests {

  @Autowired StudentService students;
  @Autowired StudyDocuments studyDocuments;
  @Autowired DocumentService documents;
  @Autowired ContentCopies copies;
  @Autowired DocumentProperties properties;
  @Autowired FixityAudit audit;
  @Autowired FixityFindings findings;
  @Autowired FixityRuns runs;

  @Test
  void aQueuedLetterReachesTheReplicaAndADeletedPrimaryCopyIsRepairedByTheAudit() throws Exception {
    String faculty = "fix" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    students.registerFaculty(faculty, "دانشکده آزمون " + faculty, "Test faculty " + faculty);
    StudentRef student =
        students.admit(TestStudents.newStudent(faculty, 1402, false), "admission-office");
    byte[] letter = DemoFiles.pdf("enrollment certificate " + UUID.randomUUID());
    FileDocumentView document =
        studyDocuments.registerOfficeLetter(
            student.id(),
            "ENROLLMENT_CERTIFICATE",
            new Upload(
                "ENROLLMENT_CERTIFICATE", "گواهی.pdf", () -> new ByteArrayInputStream(letter)),
            "۱۲/۳۴",
            "1403/07/15",
            "گواهی اشتغال به تحصیل",
            "clerk.eng");
    String sha = documents.content(document.current().id()).sha256();
    StoredBlobs blobs = new StoredBlobs(properties);
    assertThat(copies.awaitingReplica(sha)).isTrue();
    assertThat(copies.backlog().oldestEnqueuedAt()).isNotNull();
    copies.catchUp();
    assertThat(copies.awaitingReplica(sha)).isFalse();
    assertThat(Files.readAllBytes(blobs.replica(sha))).isEqualTo(letter);

    Files.delete(blobs.primary(sha));
    Run run = audit.runNow(student.studentNumber(), "manager");

    assertThat(run.status()).isEqualTo(Status.DONE);
    assertThat(findings.ofRun(run.id()))
        .extracting(Finding::kind, Finding::repaired)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MISSING, true));
    assertThat(Files.readAllBytes(blobs.primary(sha))).isEqualTo(letter);
    assertThat(runs.recent(5)).extracting(Run::id).contains(run.id());
  }
}
