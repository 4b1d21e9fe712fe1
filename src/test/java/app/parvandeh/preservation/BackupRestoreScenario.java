package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A backup of a running instance with the demo data and more (students at several steps, documents,
 * notes, the audit trail) restored onto an empty install, started as the real application: every
 * document's bytes, note, audit entry and process state are the same, and a restored file goes on
 * (a completed check moves it on).
 */
abstract class BackupRestoreScenario {

  static final String PASSWORD = "parvandeh";
  static final String UPLOADER = "3991200002";
  static final String UNDER_REVIEW = "4021100001";
  static final List<String> STUDENTS =
      List.of(UNDER_REVIEW, UPLOADER, "4031100003", "4001100004", "3981200005");

  private final List<Path> folders = new ArrayList<>();
  private ChildApplication running;

  /** The database options of both installs (none on H2: each data folder has its own database). */
  abstract List<String> databaseArguments();

  /** Makes the restore target's database empty, as on a fresh install. */
  abstract void emptyTheDatabase() throws Exception;

  /** Runs after the scenario's applications have stopped. */
  void afterScenario() throws Exception {}

  @AfterEach
  void cleanUp() throws Exception {
    if (running != null) {
      running.kill();
    }
    try {
      afterScenario();
    } finally {
      for (Path folder : folders) {
        FileSystemUtils.deleteRecursively(folder);
      }
    }
  }

  @Test
  void aBackupOfARunningInstanceRestoredOntoAnEmptyInstallHasEverythingAndItsFilesGoOn()
      throws Exception {
    Path original = folder("parvandeh-original-");
    Path backups = folder("parvandeh-backups-");
    running = start(original, "original.log", "--parvandeh.backup.dir=" + backups);
    ApiClient student = ApiClient.signedIn(running.port(), UPLOADER, "0023456787");
    Response uploaded =
        student.upload(
            "/api/students/" + UPLOADER + "/documents",
            List.of(
                new FilePart(
                    missingStudentDocument(student.get("/api/portal/file").json()),
                    "پیش از پشتیبان.pdf",
                    "application/pdf",
                    DemoFiles.pdf("uploaded before the backup"))));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    Map<String, FileState> before = stateOf(running.port());

    // The README's command, as an operator runs it against the running instance.
    ProcessBuilder command =
        new ProcessBuilder("bash", "tools/backup.sh", "http://127.0.0.1:" + running.port(), "admin")
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    command.environment().put("PARVANDEH_ADMIN_PASSWORD", PASSWORD);
    Process backupCommand = command.start();
    String printed = new String(backupCommand.getInputStream().readAllBytes()).strip();
    assertThat(backupCommand.waitFor()).as("tools/backup.sh printed " + printed).isZero();
    Path backup = backups.resolve(printed);
    assertThat(backup).isDirectory();
    running.kill();
    running = null;
    BagChecks.assertValid(backup);

    emptyTheDatabase();
    Path restored = folder("parvandeh-restored-");
    Path restoreLog = restored.resolve("restore.log");
    List<String> restore = new ArrayList<>(databaseArguments());
    restore.addAll(List.of("--spring.profiles.active=demo", "--parvandeh.restore=" + backup));
    int exit = ChildApplication.runToExit(restored, restoreLog, restore.toArray(String[]::new));
    assertThat(exit).as(Files.readString(restoreLog)).isZero();

    running = start(restored, "restored.log");
    Map<String, FileState> after = stateOf(running.port());
    assertThat(before.values().stream().mapToInt(f -> f.bytes().size()).sum())
        .as("versions compared")
        .isGreaterThan(5);
    for (String number : STUDENTS) {
      FileState was = before.get(number);
      FileState is = after.get(number);
      assertThat(is.file()).as("file of " + number).isEqualTo(was.file());
      assertThat(is.bytes()).as("document bytes of " + number).isEqualTo(was.bytes());
      assertThat(is.process()).as("processes of " + number).isEqualTo(was.process());
      assertThat(is.auditUpTo(was.lastAuditId()))
          .as("audit trail of " + number)
          .isEqualTo(was.audit());
    }

    // The replica is rebuilt from the restored blobs (see SystemRestore): the backlog drains, the
    // replica holds
    // exactly what the primary holds, and an audit of both copies finds nothing.
    ApiClient manager = ApiClient.signedIn(running.port(), "manager", PASSWORD);
    KillDuringEverythingScenario.await(
        "the restored replica's backlog drained",
        () -> manager.get("/api/preservation/audits").json().at("/backlog/items").asLong() == 0);
    List<String> primary = KillDuringEverythingScenario.blobs(restored.resolve("documents"));
    assertThat(primary).as("blobs restored").hasSizeGreaterThan(5);
    assertThat(KillDuringEverythingScenario.blobs(restored.resolve("documents-replica")))
        .as("the replica rebuilt after the restore")
        .containsExactlyInAnyOrderElementsOf(primary);
    for (String sha : primary) {
      assertThat(
              sha256(
                  Files.readAllBytes(
                      KillDuringEverythingScenario.blobPath(
                          restored.resolve("documents-replica"), sha))))
          .as("replica copy of " + sha)
          .isEqualTo(sha);
    }
    Response audit = manager.post("/api/preservation/audits");
    assertThat(audit.status()).as(audit.toString()).isEqualTo(202);
    String run = "/api/preservation/audits/" + audit.json().get("id").asLong();
    KillDuringEverythingScenario.await(
        "the audit after the restore",
        () -> !"RUNNING".equals(manager.get(run).json().at("/run/status").asText()));
    JsonNode audited = manager.get(run).json();
    assertThat(audited.at("/run/status").asText()).isEqualTo("DONE");
    assertThat(audited.at("/run/blobsChecked").asInt()).isEqualTo(primary.size());
    assertThat(audited.at("/run/findings").asInt()).as(audited.toString()).isZero();

    ApiClient clerk = ApiClient.signedIn(running.port(), "clerk.eng", PASSWORD);
    String task = onlyTask(clerk, UNDER_REVIEW, "faculty-engineering");
    assertThat(
            clerk
                .engineRest("POST", "/task/" + task + "/claim", Map.of("userId", "clerk.eng"))
                .status())
        .isEqualTo(204);
    for (JsonNode document : clerk.get("/api/tasks/" + task + "/review").json().get("documents")) {
      Response decided =
          clerk.postJson(
              "/api/tasks/" + task + "/reviews",
              Map.of("documentId", document.get("id").asLong(), "decision", "ACCEPTED"));
      assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }
    Response completed = clerk.engineRest("POST", "/task/" + task + "/complete", Map.of());
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    onlyTask(
        ApiClient.signedIn(running.port(), "central.admission", PASSWORD),
        UNDER_REVIEW,
        "central-admission");

    Path again = restored.resolve("restore-again.log");
    assertThat(ChildApplication.runToExit(restored, again, restore.toArray(String[]::new)))
        .as("a restore onto an install that has data")
        .isNotZero();
    assertThat(Files.readString(again)).contains("Refusing to restore");
  }

  /** What a manager sees of one file, and what the engine holds of its processes. */
  record FileState(JsonNode file, Map<String, String> bytes, List<String> process, JsonNode trail) {

    long lastAuditId() {
      long last = 0;
      for (JsonNode entry : trail) {
        last = Math.max(last, entry.get("id").asLong());
      }
      return last;
    }

    /** Entries up to {@code id}: reading the file adds entries of its own after that. */
    List<JsonNode> auditUpTo(long id) {
      List<JsonNode> entries = new ArrayList<>();
      trail.forEach(
          e -> {
            if (e.get("id").asLong() <= id) {
              entries.add(e);
            }
          });
      return entries;
    }

    List<JsonNode> audit() {
      return auditUpTo(lastAuditId());
    }
  }

  private Map<String, FileState> stateOf(int port) throws Exception {
    ApiClient manager = ApiClient.signedIn(port, "manager", PASSWORD);
    Map<String, FileState> states = new LinkedHashMap<>();
    for (String number : STUDENTS) {
      JsonNode file = manager.get("/api/students/" + number + "/file").json();
      Map<String, String> bytes = new LinkedHashMap<>();
      for (JsonNode stage : file.get("stages")) {
        for (JsonNode document : stage.get("documents")) {
          for (JsonNode version : document.get("versions")) {
            Response content = manager.get(version.get("contentUrl").asText());
            assertThat(content.status()).as(content.toString()).isEqualTo(200);
            bytes.put(version.get("id").asText(), sha256(content.body()));
          }
        }
      }
      ((ObjectNode) file).remove("history");
      List<String> process = new ArrayList<>();
      Response instances =
          manager.engineRest("GET", "/process-instance?maxResults=100&businessKey=" + number, null);
      assertThat(instances.status()).as(instances.toString()).isEqualTo(200);
      for (JsonNode instance : instances.json()) {
        process.add(
            instance.get("id").asText()
                + " "
                + instance.get("definitionId").asText()
                + " "
                + manager
                    .engineRest(
                        "GET",
                        "/process-instance/" + instance.get("id").asText() + "/activity-instances",
                        null)
                    .json()
                    .toString());
      }
      for (JsonNode t :
          manager
              .engineRest("GET", "/task?maxResults=100&processInstanceBusinessKey=" + number, null)
              .json()) {
        process.add(
            t.get("id").asText()
                + " "
                + t.get("taskDefinitionKey").asText()
                + " "
                + t.get("assignee")
                + " "
                + t.get("due"));
      }
      JsonNode audit = manager.get("/api/students/" + number + "/audit").json().get("entries");
      states.put(number, new FileState(file, bytes, process, audit));
    }
    return states;
  }

  private ChildApplication start(Path dataDir, String log, String... more) throws Exception {
    List<String> arguments = new ArrayList<>(databaseArguments());
    arguments.addAll(
        List.of("--spring.profiles.active=demo", "--camunda.bpm.job-execution.enabled=true"));
    arguments.addAll(List.of(more));
    return ChildApplication.start(dataDir, log, arguments.toArray(String[]::new));
  }

  private Path folder(String prefix) throws Exception {
    Path folder = Files.createTempDirectory(prefix);
    folders.add(folder);
    return folder;
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

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
