package app.parvandeh;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * A write the client was told succeeded is still there after the process is killed (SIGKILL) right
 * after the answer: the real application in a child JVM with its production-like defaults (demo
 * profile, file H2, document store, job executor on), killed and restarted on the same data folder.
 * Each test writes as the demo users do, kills, restarts and looks; they run in order on one data
 * folder because every start costs seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ChildApplicationTest
class AcknowledgedWritesSurviveKillTests {

  static final String PASSWORD = "parvandeh";
  static final String UPLOADER = "3991200002";
  static final String UPLOADER_PASSWORD = "0023456787";
  static final String UNDER_REVIEW = "4021100001";
  static final String STUDYING = "4001100004";

  Path dataDir;
  ChildApplication app;
  int starts;
  final Set<String> acknowledgedBlobs = new HashSet<>();

  @BeforeAll
  void startFresh() throws Exception {
    dataDir = Files.createTempDirectory("parvandeh-crash-");
    app = start();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.kill();
    }
    FileSystemUtils.deleteRecursively(dataDir);
  }

  @Test
  @Order(1)
  void aStudentsUploadAnsweredCreatedIsThereAfterAKill() throws Exception {
    ApiClient student = ApiClient.signedIn(app.port(), UPLOADER, UPLOADER_PASSWORD);
    String typeCode = missingStudentDocument(student.get("/api/portal/file").json());
    byte[] bytes = DemoFiles.pdf("uploaded right before the kill");
    Response uploaded =
        student.upload(
            "/api/students/" + UPLOADER + "/documents",
            List.of(new FilePart(typeCode, "پیش از قطع.pdf", "application/pdf", bytes)));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    long versionId = uploaded.json().at("/documents/0/current/id").asLong();
    acknowledgedBlobs.add(sha256(bytes));

    restartAfterKill();

    student = ApiClient.signedIn(app.port(), UPLOADER, UPLOADER_PASSWORD);
    JsonNode document =
        requirement(student.get("/api/portal/file").json(), typeCode).get("document");
    assertThat(document.isNull()).as("the acknowledged upload of " + typeCode).isFalse();
    assertThat(document.at("/current/id").asLong()).isEqualTo(versionId);
    assertThat(sha256(student.get(document.at("/current/contentUrl").asText()).body()))
        .isEqualTo(sha256(bytes));
  }

  @Test
  @Order(2)
  void aClerksCompletedCheckAnsweredNoContentIsThereAfterAKill() throws Exception {
    ApiClient clerk = ApiClient.signedIn(app.port(), "clerk.eng", PASSWORD);
    String task = onlyTask(clerk, UNDER_REVIEW, "faculty-engineering");
    assertThat(
            clerk
                .engineRest("POST", "/task/" + task + "/claim", Map.of("userId", "clerk.eng"))
                .status())
        .isEqualTo(204);
    List<Long> documents = new ArrayList<>();
    for (JsonNode document : clerk.get("/api/tasks/" + task + "/review").json().get("documents")) {
      documents.add(document.get("id").asLong());
      Response decided =
          clerk.postJson(
              "/api/tasks/" + task + "/reviews",
              Map.of("documentId", document.get("id").asLong(), "decision", "ACCEPTED"));
      assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }
    assertThat(documents).isNotEmpty();
    Response completed = clerk.engineRest("POST", "/task/" + task + "/complete", Map.of());
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    restartAfterKill();

    clerk = ApiClient.signedIn(app.port(), "clerk.eng", PASSWORD);
    assertThat(
            clerk
                .engineRest(
                    "GET",
                    "/task?processInstanceBusinessKey=" + UNDER_REVIEW + "&maxResults=10",
                    null)
                .json())
        .as("the completed faculty check is not open again")
        .isEmpty();
    ApiClient central = ApiClient.signedIn(app.port(), "central.admission", PASSWORD);
    String centralTask = onlyTask(central, UNDER_REVIEW, "central-admission");
    JsonNode review = central.get("/api/tasks/" + centralTask + "/review").json();
    List<Long> accepted = new ArrayList<>();
    review
        .get("documents")
        .forEach(
            d -> {
              if ("ACCEPTED".equals(d.at("/current/facultyReview/decision").asText())) {
                accepted.add(d.get("id").asLong());
              }
            });
    assertThat(accepted)
        .as("every acknowledged faculty decision")
        .containsExactlyInAnyOrderElementsOf(documents);
  }

  @Test
  @Order(3)
  void anOfficeLetterAnsweredCreatedAndItsProcessAreThereAfterAKillThatCutAnUploadShort()
      throws Exception {
    ApiClient student = ApiClient.signedIn(app.port(), UPLOADER, UPLOADER_PASSWORD);
    try (Socket cutShort = startLargeUpload(student)) {
      Path tempFile = awaitUploadTempFile();
      ApiClient clerk = ApiClient.signedIn(app.port(), "clerk.eng", PASSWORD);
      byte[] bytes = DemoFiles.pdf("office letter right before the kill");
      Map<String, String> letter = new LinkedHashMap<>();
      letter.put("typeCode", "ENROLLMENT_CERTIFICATE");
      letter.put("letterNumber", "۹۹۱/قطع");
      letter.put("letterDate", "۱۴۰۴/۰۲/۰۳");
      letter.put("description", "نامه‌ای که درست پیش از توقف ناگهانی برنامه ثبت شد");
      Response registered =
          clerk.multipart(
              "/api/students/" + STUDYING + "/study-documents/office-letters",
              letter,
              "file",
              new FilePart(null, "نامه.pdf", "application/pdf", bytes));
      assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
      long versionId = registered.json().at("/document/current/id").asLong();
      String processInstanceId = registered.json().get("processInstanceId").asText();
      acknowledgedBlobs.add(sha256(bytes));

      restartAfterKill();

      assertThat(tempFile).as("the temporary file of the upload the kill cut short").doesNotExist();
      assertThat(uploadTempFiles()).as("no temporary upload file is left").isEmpty();
      clerk = ApiClient.signedIn(app.port(), "clerk.eng", PASSWORD);
      JsonNode file = clerk.get("/api/students/" + STUDYING + "/file").json();
      JsonNode stored = documentWithVersion(file, versionId);
      assertThat(stored).as("the acknowledged letter, version " + versionId).isNotNull();
      assertThat(stored.get("letterNumber").asText()).isEqualTo("۹۹۱/قطع");
      assertThat(sha256(clerk.get(stored.at("/current/contentUrl").asText()).body()))
          .isEqualTo(sha256(bytes));
      ApiClient manager = ApiClient.signedIn(app.port(), "manager", PASSWORD);
      Response process =
          manager.engineRest("GET", "/history/process-instance/" + processInstanceId, null);
      assertThat(process.status())
          .as("the letter's process, as Cockpit shows it: " + process)
          .isEqualTo(200);
      // The note is recorded by an asynchronous job after the answer: done, or still waiting (a job
      // the killed
      // process had locked waits for its lock to expire before this one runs it).
      // The jobs are asked first and the notes after: a job that runs in between has recorded its
      // note by then.
      Response jobs =
          manager.engineRest(
              "GET", "/job?processInstanceId=" + processInstanceId + "&maxResults=10", null);
      boolean waiting = jobs.json().size() == 1;
      file = clerk.get("/api/students/" + STUDYING + "/file").json();
      boolean noted = notesAddress(file, versionId);
      assertThat(noted || waiting)
          .as(
              "the 17030 note is recorded or its job is waiting: notes "
                  + file.get("notes")
                  + ", jobs "
                  + jobs
                  + ", process "
                  + process)
          .isTrue();
    }
  }

  @Test
  @Order(4)
  void everyStoredBlobBelongsToADocumentVersionAfterTheKills() throws Exception {
    app.kill();
    app = null;
    Set<String> referenced = new HashSet<>();
    try (Connection db = ChildApplication.h2(dataDir);
        ResultSet rows =
            db.createStatement().executeQuery("select content_sha256 from document_version")) {
      while (rows.next()) {
        referenced.add(rows.getString(1));
      }
    }
    Set<String> blobs = new HashSet<>();
    Path store = dataDir.resolve("documents");
    try (Stream<Path> files = Files.walk(store)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> !f.startsWith(store.resolve("tmp")))
          .forEach(f -> blobs.add(f.getFileName().toString()));
    }
    assertThat(referenced).as("the acknowledged uploads' rows").containsAll(acknowledgedBlobs);
    assertThat(blobs).as("blobs without a row").isSubsetOf(referenced);
  }

  private ChildApplication start() throws IOException, InterruptedException {
    starts++;
    return ChildApplication.start(
        dataDir,
        "start-" + starts + ".log",
        "--spring.profiles.active=demo",
        "--camunda.bpm.job-execution.enabled=true");
  }

  /** SIGKILL right after the last answer, then a start on the same data folder. */
  private void restartAfterKill() throws IOException, InterruptedException {
    app.kill();
    app = start();
  }

  /**
   * Sends the head of a 15 MB upload and stops sending, as a slow client would, so Tomcat holds a
   * temporary file when the process is killed.
   */
  private Socket startLargeUpload(ApiClient student) throws IOException {
    String boundary = "----parvandeh-cut-short";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"typeCode\"\r\n\r\nPHOTO\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"large.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String request =
        "POST /api/students/"
            + UPLOADER
            + "/documents HTTP/1.1\r\nHost: localhost:"
            + app.port()
            + "\r\nCookie: JSESSIONID="
            + student.cookie("JSESSIONID")
            + "; PARVANDEH-XSRF="
            + student.cookie("PARVANDEH-XSRF")
            + "\r\nX-PARVANDEH-XSRF: "
            + student.cookie("PARVANDEH-XSRF")
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: "
            + 15_000_000
            + "\r\n\r\n";
    Socket socket = new Socket("127.0.0.1", app.port());
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.write(head);
    out.write(new byte[2_000_000]);
    out.flush();
    return socket;
  }

  private Path awaitUploadTempFile() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<Path> files = uploadTempFiles();
      if (!files.isEmpty()) {
        return files.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no temporary upload file appeared under " + dataDir.resolve("upload-tmp"));
  }

  /**
   * Tomcat's temporary files of multipart parts under the data folder (not the folders' lock
   * files).
   */
  private List<Path> uploadTempFiles() throws IOException {
    Path root = dataDir.resolve("upload-tmp");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .toList();
    }
  }

  private static boolean notesAddress(JsonNode file, long versionId) {
    for (JsonNode note : file.get("notes")) {
      for (JsonNode address : note.get("addresses")) {
        if (address.get("documentVersionId").asLong() == versionId) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode documentWithVersion(JsonNode file, long versionId) {
    for (JsonNode stage : file.get("stages")) {
      for (JsonNode document : stage.get("documents")) {
        if (document.at("/current/id").asLong() == versionId) {
          return document;
        }
      }
    }
    return null;
  }

  private static String onlyTask(ApiClient api, String studentNumber, String group) {
    JsonNode tasks =
        api.engineRest(
                "GET",
                "/task?processInstanceBusinessKey="
                    + studentNumber
                    + "&candidateGroup="
                    + group
                    + "&maxResults=10",
                null)
            .json();
    assertThat(tasks).as("open tasks of " + studentNumber + " for " + group).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static String missingStudentDocument(JsonNode file) {
    for (JsonNode r : file.get("requirements")) {
      if ("STUDENT".equals(r.get("supplier").asText()) && r.get("document").isNull()) {
        return r.get("typeCode").asText();
      }
    }
    throw new AssertionError("no document left for the student to upload: " + file);
  }

  private static JsonNode requirement(JsonNode file, String typeCode) {
    for (JsonNode r : file.get("requirements")) {
      if (r.get("typeCode").asText().equals(typeCode)) {
        return r;
      }
    }
    throw new AssertionError("no requirement " + typeCode);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
