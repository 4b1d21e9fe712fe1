package app.parvandeh.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentProperties;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.TestStudents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Twenty sessions of one student upload the same document type at the same instant, each with its
 * own bytes. Uploads of one student's documents serialize: each answer is a new version or a 409,
 * never a 500 or a second document of the type, and no bytes stay in the store that no version
 * points at. Runs on H2 and PostgreSQL.
 */
abstract class ConcurrentUploadScenario {

  static final int CLIENTS = 20;

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired DocumentProperties properties;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void parallelUploadsOfOneTypeBecomeVersionsOfOneDocumentOrConflictsAndLeaveNoOrphanBytes()
      throws Exception {
    String faculty = "up" + (100000 + ThreadLocalRandom.current().nextInt(900000));
    students.registerFaculty(faculty, "دانشکده آزمون " + faculty, "Test faculty " + faculty);
    NewStudent data = TestStudents.newStudent(faculty, 1402, false);
    StudentRef student = students.admit(data, "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    List<ApiClient> sessions = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      sessions.add(ApiClient.signedIn(port, student.studentNumber(), data.nationalId()));
    }
    Set<Path> before = storeFiles();

    String path = "/api/students/" + student.studentNumber() + "/documents";
    CyclicBarrier start = new CyclicBarrier(CLIENTS);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Response>> answers = new ArrayList<>();
    java.util.Map<String, String> shaByFileName = new java.util.HashMap<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        ApiClient session = sessions.get(i);
        FilePart file =
            new FilePart(
                "BIRTH_CERTIFICATE",
                "birth-" + i + ".pdf",
                "application/pdf",
                DemoFiles.pdf("birth certificate, copy " + i));
        shaByFileName.put(file.fileName(), sha256(file.bytes()));
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return session.upload(path, List.of(file));
                }));
      }
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get());
      }

      List<Response> succeeded = responses.stream().filter(r -> r.status() / 100 == 2).toList();
      for (Response r : responses) {
        assertThat(r.status()).as(r.toString()).isIn(201, 409);
        if (r.status() == 409) {
          assertThat(r.json().get("messageFa").asText()).isNotBlank();
          assertThat(r.json().get("messageEn").asText()).isNotBlank();
        }
      }
      assertThat(succeeded).isNotEmpty();
      List<DocumentView> ofType =
          documents.documentsOf(student.id()).stream()
              .filter(d -> d.typeCode().equals("BIRTH_CERTIFICATE"))
              .toList();
      assertThat(ofType).hasSize(1);
      assertThat(1 + ofType.get(0).previous().size()).isEqualTo(succeeded.size());
      Set<Integer> versionNumbers =
          succeeded.stream()
              .map(r -> r.json().at("/documents/0/current/versionNo").asInt())
              .collect(Collectors.toSet());
      assertThat(versionNumbers).hasSize(succeeded.size());

      Set<Path> added = storeFiles();
      added.removeAll(before);
      Set<String> referenced =
          succeeded.stream()
              .map(r -> shaByFileName.get(r.json().at("/documents/0/current/fileName").asText()))
              .collect(Collectors.toSet());
      assertThat(added)
          .as("files the uploads left in the store")
          .allSatisfy(p -> assertThat(referenced).contains(p.getFileName().toString()));
      assertThat(added).hasSize(referenced.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Every file under the store, temporary ones included. */
  private Set<Path> storeFiles() throws IOException {
    Path root = properties.storeDir();
    if (!Files.exists(root)) {
      return new java.util.HashSet<>();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .collect(Collectors.toCollection(java.util.HashSet::new));
    }
  }
}
