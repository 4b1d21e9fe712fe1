package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The replica's backlog is durable: an upload acknowledged while the replica has not caught up is
 * queued in the database; after a SIGKILL and a restart the real application (child JVM) copies it
 * to the replica, bit-identical.
 */
@ChildApplicationTest
class ReplicaBacklogSurvivesKillTests {

  static final String UPLOADER = "3991200002";
  static final String UPLOADER_PASSWORD = "0023456787";

  Path dataDir;
  ChildApplication app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.kill();
    }
    FileSystemUtils.deleteRecursively(dataDir);
  }

  @Test
  void anUploadWaitingForTheReplicaWhenTheProcessIsKilledReachesTheReplicaAfterTheRestart()
      throws Exception {
    dataDir = Files.createTempDirectory("parvandeh-replica-");
    // the replica would catch up within the hour: it has not when the process dies
    app =
        ChildApplication.start(
            dataDir,
            "start-1.log",
            "--spring.profiles.active=demo",
            "--parvandeh.documents.replica-catch-up-delay=PT1H");
    byte[] bytes = DemoFiles.pdf("acknowledged, not yet in the replica " + UUID.randomUUID());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    ApiClient student = ApiClient.signedIn(app.port(), UPLOADER, UPLOADER_PASSWORD);
    Response uploaded =
        student.upload(
            "/api/students/" + UPLOADER + "/documents",
            List.of(
                new FilePart(
                    missingStudentDocument(student.get("/api/portal/file").json()),
                    "سند.pdf",
                    "application/pdf",
                    bytes)));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    app.kill();
    app = null;
    Path replica =
        dataDir
            .resolve("documents-replica")
            .resolve(sha.substring(0, 2))
            .resolve(sha.substring(2, 4))
            .resolve(sha);
    assertThat(replica).doesNotExist();
    assertThat(backlogRows(sha)).as("queued for the replica across the kill").isEqualTo(1);

    app =
        ChildApplication.start(
            dataDir,
            "start-2.log",
            "--spring.profiles.active=demo",
            "--parvandeh.documents.replica-catch-up-delay=PT1S");
    for (int i = 0; i < 600 && !Files.exists(replica); i++) {
      Thread.sleep(100);
    }
    assertThat(replica).as("copied after the restart").exists();
    assertThat(Files.readAllBytes(replica)).isEqualTo(bytes);
    JsonNode overview =
        ApiClient.signedIn(app.port(), "manager", "parvandeh")
            .get("/api/preservation/audits")
            .json();
    assertThat(overview.at("/backlog/replicaEnabled").asBoolean()).isTrue();
  }

  private long backlogRows(String sha) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/parvandeh"), "sa", "");
        PreparedStatement query =
            db.prepareStatement("select count(*) from replica_backlog where sha256 = ?")) {
      query.setString(1, sha);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static String missingStudentDocument(JsonNode file) {
    for (JsonNode r : file.get("requirements")) {
      if ("STUDENT".equals(r.get("supplier").asText()) && r.get("document").isNull()) {
        return r.get("typeCode").asText();
      }
    }
    throw new AssertionError("no document left for the student to upload: " + file);
  }
}
