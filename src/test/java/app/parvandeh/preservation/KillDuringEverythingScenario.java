package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.intake.CardArchive;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.TestStudents;
import app.parvandeh.workflow.StudentFileProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The crash-safety drill, in one kill: the real application (child JVM, demo profile, job
 * executor on) is killed with SIGKILL while four students upload documents at once, a card batch is
 * half attached, the replica's catch-up has a backlog, a whole-archive fixity audit and a bulk
 * export of the whole archive are running; each of these is checked to have been in flight at the
 * kill (from the database the kill left). Restarted on the same data folder and database, the
 * application finishes or redoes each of them, and then: every upload the API acknowledged is there
 * with its bytes, every version row has its blob in both copies and every blob its row (what the
 * kill half-stored is swept), the batch attached each card exactly once, the backlog is empty, the
 * interrupted audit was closed as interrupted and run again to the end, a new audit finds nothing,
 * and every file's process stands at a task, with no incident or failed job.
 */
abstract class KillDuringEverythingScenario {

  static final String PASSWORD = "parvandeh";
  static final int STUDENTS = 500;
  static final int UPLOADERS = 4;

  private final List<Path> folders = new ArrayList<>();
  private ChildApplication app;

  /** The database options (none on H2: the data folder holds its database). */
  abstract List<String> databaseArguments();

  /**
   * A connection to the application's database, for checks while it does not run (H2 is locked
   * while it runs).
   */
  abstract Connection database(Path dataDir) throws SQLException;

  void afterScenario() throws Exception {}

  @AfterEach
  void cleanUp() throws Exception {
    try {
      if (app != null) {
        app.close();
      }
      afterScenario();
    } finally {
      for (Path folder : folders) {
        FileSystemUtils.deleteRecursively(folder);
      }
    }
  }

  @Test
  void everythingInFlightWhenTheApplicationIsKilledIsWholeAndFinishedAfterTheRestart()
      throws Exception {
    Path dataDir = Files.createTempDirectory("parvandeh-kill-all-");
    folders.add(dataDir);
    // the audit reads 100 bytes a second: minutes for the demo archive, so it is surely running at
    // the kill
    app =
        start(
            dataDir,
            "first.log",
            "--parvandeh.preservation.fixity.bytes-per-second=100B",
            "--parvandeh.documents.replica-catch-up-delay=PT2S");

    // A cohort of fresh students; the first ones will upload their documents, every one gets an
    // exam card.
    List<String[]> cohort = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder(
            "student_number,national_id,first_name,last_name,father_name,faculty_code,"
                + "degree_level,program,entry_year,admission_type,brilliant_talent\n");
    int start = 1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000);
    for (int i = 0; i < STUDENTS; i++) {
      String number = "405" + (start + i);
      String nationalId = TestStudents.nationalId();
      cohort.add(new String[] {number, nationalId});
      csv.append(number)
          .append(',')
          .append(nationalId)
          .append(",مریم,رضایی,علی,engineering,کارشناسی,مهندسی کامپیوتر,1404,سراسری,false\n");
    }
    ApiClient admission = ApiClient.signedIn(app.port(), "central.admission", PASSWORD);
    Response imported =
        admission.multipart(
            "/api/intake/cohorts",
            Map.of(),
            "file",
            new FilePart(
                null,
                "cohort-1404.csv",
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(202);
    long cohortId = imported.json().path("id").asLong();
    await(
        "the cohort import",
        () ->
            "DONE"
                .equals(
                    admission
                        .get("/api/intake/cohorts/" + cohortId + "?rows=false")
                        .json()
                        .path("status")
                        .asText()));

    ApiClient manager = ApiClient.signedIn(app.port(), "manager", PASSWORD);
    Response audit = manager.post("/api/preservation/audits");
    assertThat(audit.status()).as(audit.toString()).isEqualTo(202);
    long auditId = audit.json().path("id").asLong();

    // Uploads: each thread walks its own students, uploading each missing document, then sending
    // the file.
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    Set<String> submitted = ConcurrentHashMap.newKeySet();
    Set<String> sending = ConcurrentHashMap.newKeySet();
    AtomicInteger cutShort = new AtomicInteger();
    List<AssertionError> wrongAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    int port = app.port();
    List<Thread> uploaders = new ArrayList<>();
    for (int t = 0; t < UPLOADERS; t++) {
      int first = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = first; i < STUDENTS && !stop.get(); i += UPLOADERS) {
                    uploadAll(port, cohort.get(i), acknowledged, sending, submitted);
                  }
                } catch (AssertionError answeredWrongly) {
                  wrongAnswers.add(answeredWrongly);
                } catch (RuntimeException cutByTheKill) {
                  cutShort.incrementAndGet();
                }
              },
              "uploader-" + t);
      thread.start();
      uploaders.add(thread);
    }

    CardArchive cards = CardArchive.create();
    for (String[] student : cohort) {
      cards.add("cards/" + student[0] + "_EXAM_CARD.pdf", CardArchive.pdf());
    }
    Response batch = CardArchive.upload(admission, cards.bytes());
    assertThat(batch.status()).as(batch.toString()).isEqualTo(202);
    long batchId = batch.json().path("id").asLong();
    Response export = manager.postJson("/api/exports", Map.of());
    assertThat(export.status()).as(export.toString()).isEqualTo(202);
    String exportId = export.json().path("id").asText();
    // the replica's catch-up keeps up with the uploads between its runs, on a scheduler thread of
    // its own: the kill waits for a moment it is behind
    await(
        "some cards attached, some uploads acknowledged and the replica behind",
        () ->
            acknowledged.size() >= 8
                && manager.get("/api/preservation/audits").json().at("/backlog/items").asLong() > 0
                && "RUNNING"
                    .equals(
                        manager
                            .get("/api/preservation/audits/" + auditId)
                            .json()
                            .at("/run/status")
                            .asText())
                && admission
                        .get("/api/intake/batches/" + batchId + "?rows=false")
                        .json()
                        .path("done")
                        .asInt()
                    >= STUDENTS / 10);

    app.kill();
    stop.set(true);
    for (Thread thread : uploaders) {
      thread.join(TimeUnit.MINUTES.toMillis(1));
    }

    // What was in flight at the kill, from what the kill left behind.
    Instant killed = Instant.now();
    int orphansAtKill;
    try (Connection db = database(dataDir)) {
      assertThat(wrongAnswers)
          .as("uploads answered other than 201, sending answered other than 200")
          .isEmpty();
      assertThat(cutShort.get()).as("upload streams the kill cut short").isEqualTo(UPLOADERS);
      assertThat(count(db, "select count(*) from batch_entry where batch_id = " + batchId))
          .as("the batch's entries recorded at the kill")
          .isBetween(1L, STUDENTS - 1L);
      assertThat(count(db, "select count(*) from replica_backlog"))
          .as("the replica's backlog at the kill")
          .isPositive();
      assertThat(blobs(dataDir.resolve("documents-replica")))
          .as("the catch-up was copying before the kill")
          .isNotEmpty();
      assertThat(text(db, "select status from fixity_audit_run where id = " + auditId))
          .as("the audit at the kill")
          .isEqualTo("RUNNING");
      assertThat(text(db, "select status from preservation_job where id = '" + exportId + "'"))
          .as("the bulk export at the kill")
          .isEqualTo("RUNNING");
      Set<String> orphans = new HashSet<>(blobs(dataDir.resolve("documents")));
      orphans.removeAll(referenced(db));
      orphansAtKill = orphans.size();
    }
    // One more half-stored upload, for certain: bytes in the store no row names, written at the
    // kill. Blobs the
    // kill itself left half-stored are older, so the sweep that removes this one has considered
    // them all (those
    // the resumed batch attached again are referenced now and stay; the final check below finds any
    // other).
    byte[] planted = DemoFiles.pdf("half-stored by a killed upload");
    String plantedSha = sha256(planted);
    Path plantedFile = blobPath(dataDir.resolve("documents"), plantedSha);
    Files.createDirectories(plantedFile.getParent());
    Files.write(plantedFile, planted);
    Files.setLastModifiedTime(plantedFile, FileTime.from(killed));
    System.out.printf(
        "killed with %d acknowledged uploads, %d blobs without a row%n",
        acknowledged.size(), orphansAtKill);

    app =
        start(
            dataDir,
            "second.log",
            "--parvandeh.preservation.fixity.bytes-per-second=200MB",
            "--parvandeh.documents.replica-catch-up-delay=PT1S",
            "--parvandeh.documents.sweep-grace=PT20S",
            "--parvandeh.documents.sweep-initial-delay=PT1S",
            "--parvandeh.documents.sweep-interval=PT3S",
            "--parvandeh.preservation.fixity.untracked-grace=PT20S");
    ApiClient admissionAgain = ApiClient.signedIn(app.port(), "central.admission", PASSWORD);
    ApiClient managerAgain = ApiClient.signedIn(app.port(), "manager", PASSWORD);
    ApiClient admin = ApiClient.signedIn(app.port(), "admin", PASSWORD);

    await(
        "the batch resumed and done",
        () ->
            "DONE"
                .equals(
                    admissionAgain
                        .get("/api/intake/batches/" + batchId + "?rows=false")
                        .json()
                        .path("status")
                        .asText()));
    JsonNode finishedBatch =
        admissionAgain.get("/api/intake/batches/" + batchId + "?rows=false").json();
    assertThat(finishedBatch.path("attached").asInt())
        .as(finishedBatch.toString())
        .isEqualTo(STUDENTS);

    JsonNode interrupted =
        managerAgain.get("/api/preservation/audits/" + auditId).json().get("run");
    await(
        "the interrupted audit closed",
        () ->
            !"RUNNING"
                .equals(
                    managerAgain
                        .get("/api/preservation/audits/" + auditId)
                        .json()
                        .at("/run/status")
                        .asText()));
    interrupted = managerAgain.get("/api/preservation/audits/" + auditId).json().get("run");
    assertThat(interrupted.path("status").asText()).isEqualTo("FAILED");
    assertThat(interrupted.path("error").asText()).startsWith("interrupted");
    assertThat(interrupted.path("errorFa").asText()).contains("نیمه‌تمام");
    JsonNode redone = awaitRun(managerAgain, r -> r.path("restartedFrom").asLong() == auditId);
    assertThat(redone.path("status").asText()).as(redone.toString()).isEqualTo("DONE");
    assertThat(redone.path("studentNumber").isNull()).as("the whole archive again").isTrue();

    await(
        "the interrupted export closed",
        () ->
            !"RUNNING"
                .equals(
                    managerAgain.get("/api/exports/" + exportId).json().path("status").asText()));
    JsonNode exportAfter = managerAgain.get("/api/exports/" + exportId).json();
    assertThat(exportAfter.path("status").asText()).as(exportAfter.toString()).isEqualTo("FAILED");
    assertThat(exportAfter.path("error").asText()).startsWith("interrupted");
    assertThat(exportAfter.path("errorFa").asText()).contains("نیمه‌تمام");
    assertThat(managerAgain.get("/api/exports/" + exportId + "/download").status()).isEqualTo(409);

    await(
        "the replica's backlog drained",
        () ->
            managerAgain.get("/api/preservation/audits").json().at("/backlog/items").asLong() == 0);
    await("what the kill half-stored swept", () -> !Files.exists(plantedFile));

    Response after = managerAgain.post("/api/preservation/audits");
    assertThat(after.status()).as(after.toString()).isEqualTo(202);
    long afterId = after.json().path("id").asLong();
    await(
        "the audit after the restart",
        () ->
            !"RUNNING"
                .equals(
                    managerAgain
                        .get("/api/preservation/audits/" + afterId)
                        .json()
                        .at("/run/status")
                        .asText()));
    JsonNode clean = managerAgain.get("/api/preservation/audits/" + afterId).json();
    assertThat(clean.at("/run/status").asText()).isEqualTo("DONE");
    assertThat(clean.at("/run/findings").asInt())
        .as("findings after the restart: " + clean)
        .isZero();
    assertThat(clean.get("findings")).isEmpty();

    for (Map.Entry<Long, String> upload : acknowledged.entrySet()) {
      Response content =
          managerAgain.get("/api/documents/versions/" + upload.getKey() + "/content");
      assertThat(content.status()).as("acknowledged version " + upload.getKey()).isEqualTo(200);
      assertThat(sha256(content.body()))
          .as("bytes of version " + upload.getKey())
          .isEqualTo(upload.getValue());
    }

    // Every file's process at a step: no incident, no failed job, no job left to run, one task
    // open.
    await(
        "the jobs the kill left locked run",
        () ->
            admin
                    .engineRest("GET", "/job/count?executable=true", null)
                    .json()
                    .path("count")
                    .asLong()
                == 0);
    assertThat(admin.engineRest("GET", "/incident/count", null).json().path("count").asLong())
        .isZero();
    assertThat(
            admin
                .engineRest("GET", "/job/count?noRetriesLeft=true", null)
                .json()
                .path("count")
                .asLong())
        .isZero();
    for (String[] student : cohort) {
      JsonNode instances =
          admin
              .engineRest(
                  "GET",
                  "/process-instance?processDefinitionKey="
                      + StudentFileProcess.PROCESS_ID
                      + "&businessKey="
                      + student[0]
                      + "&maxResults=10",
                  null)
              .json();
      assertThat(instances).as("file process of " + student[0]).hasSize(1);
      JsonNode tasks =
          admin
              .engineRest(
                  "GET", "/task?processInstanceBusinessKey=" + student[0] + "&maxResults=10", null)
              .json();
      assertThat(tasks).as("open tasks of " + student[0]).hasSize(1);
      String step = tasks.get(0).path("taskDefinitionKey").asText();
      if (submitted.contains(student[0])) {
        assertThat(step)
            .as("step of " + student[0] + ", whose submission was acknowledged")
            .isEqualTo(StudentFileProcess.TASK_CHECK_FACULTY);
      } else if (sending.contains(student[0])) {
        // sent when the process died, never answered: committed or not, the file is at one step or
        // the other
        assertThat(step)
            .as("step of " + student[0] + ", whose submission the kill cut short")
            .isIn(StudentFileProcess.TASK_UPLOAD_DOCUMENTS, StudentFileProcess.TASK_CHECK_FACULTY);
      } else {
        assertThat(step)
            .as("step of " + student[0] + ", never submitted")
            .isEqualTo(StudentFileProcess.TASK_UPLOAD_DOCUMENTS);
      }
    }

    app.close();
    app = null;
    try (Connection db = database(dataDir)) {
      Set<String> rows = referenced(db);
      assertThat(rows)
          .as("every acknowledged upload has its row")
          .containsAll(acknowledged.values());
      assertThat(blobs(dataDir.resolve("documents")))
          .as("the primary: a blob for each row, a row for each blob")
          .containsExactlyInAnyOrderElementsOf(rows);
      assertThat(blobs(dataDir.resolve("documents-replica")))
          .as("the replica, the same")
          .containsExactlyInAnyOrderElementsOf(rows);
      assertThat(count(db, "select count(*) from batch_entry where batch_id = " + batchId))
          .isEqualTo(STUDENTS);
      assertThat(
              count(
                  db,
                  "select count(*) from document_version v join document d on d.id = v.document_id"
                      + " join student s on s.id = d.student_id where d.type_code = 'EXAM_CARD' and s.student_number like '405%'"
                      + " and s.student_number in (select student_number from batch_entry where batch_id = "
                      + batchId
                      + ")"))
          .as("each card attached exactly once")
          .isEqualTo(STUDENTS);
    }
  }

  /**
   * Uploads every document the student still lacks, then sends the file for review; records what
   * was answered, and whose submission was sent ({@code sending}) whether or not an answer came.
   */
  private static void uploadAll(
      int port,
      String[] student,
      Map<Long, String> acknowledged,
      Set<String> sending,
      Set<String> submitted) {
    ApiClient api = ApiClient.signedIn(port, student[0], student[1]);
    for (JsonNode requirement : api.get("/api/portal/file").json().get("requirements")) {
      if (!"STUDENT".equals(requirement.path("supplier").asText())
          || !requirement.get("document").isNull()) {
        continue;
      }
      String type = requirement.path("typeCode").asText();
      byte[] bytes =
          "PHOTO".equals(type) ? CardArchive.jpeg() : DemoFiles.pdf(type + " of " + student[0]);
      Response uploaded =
          api.upload(
              "/api/students/" + student[0] + "/documents",
              List.of(
                  new FilePart(
                      type,
                      type + ("PHOTO".equals(type) ? ".jpg" : ".pdf"),
                      "PHOTO".equals(type) ? "image/jpeg" : "application/pdf",
                      bytes)));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      for (JsonNode document : uploaded.json().get("documents")) {
        acknowledged.put(document.at("/current/id").asLong(), sha256(bytes));
      }
    }
    sending.add(student[0]);
    Response sent = api.post("/api/portal/submit");
    assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    submitted.add(student[0]);
  }

  private ChildApplication start(Path dataDir, String log, String... more) throws Exception {
    List<String> arguments = new ArrayList<>(databaseArguments());
    arguments.addAll(
        List.of(
            "--spring.profiles.active=demo",
            "--camunda.bpm.job-execution.enabled=true",
            // a job the killed process had locked runs again after this, not after the default five
            // minutes
            "--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--parvandeh.preservation.jobs.heartbeat=PT1S",
            "--parvandeh.preservation.jobs.stale-after=PT3S",
            "--spring.servlet.multipart.max-file-size=100MB",
            "--spring.servlet.multipart.max-request-size=100MB"));
    arguments.addAll(ChildApplication.QUICK_TAKEOVER);
    arguments.addAll(List.of(more));
    long started = System.nanoTime();
    ChildApplication child = ChildApplication.start(dataDir, log, arguments.toArray(String[]::new));
    System.out.printf("%s: ready after %.1f s%n", log, (System.nanoTime() - started) / 1e9);
    return child;
  }

  private static JsonNode awaitRun(
      ApiClient manager, java.util.function.Predicate<JsonNode> which) {
    JsonNode[] found = {null};
    await(
        "the audit run again",
        () -> {
          for (JsonNode run : manager.get("/api/preservation/audits").json().get("runs")) {
            if (which.test(run) && !"RUNNING".equals(run.path("status").asText())) {
              found[0] = run;
              return true;
            }
          }
          return false;
        });
    return found[0];
  }

  /**
   * Waits (at most five minutes) for what the application does in the background; not a measure of
   * speed.
   */
  static void await(String what, BooleanSupplier done) {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MINUTES.toNanos(5);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within five minutes");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    // in the test's output, so a slow run shows which wait made it slow
    System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - started) / 1e9);
  }

  static Set<String> referenced(Connection db) throws SQLException {
    Set<String> rows = new HashSet<>();
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("select distinct content_sha256 from document_version")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  static long count(Connection db, String query) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(Connection db, String query) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The addresses a store folder holds (its temporary folder aside). */
  static List<String> blobs(Path store) throws Exception {
    if (!Files.isDirectory(store)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(store)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.startsWith(store.resolve("tmp")))
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("[0-9a-f]{64}"))
          .toList();
    }
  }

  static Path blobPath(Path store, String sha) {
    return store.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
