package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.ChildApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The whole archive exported by the real application in a JVM whose heap is far smaller than the
 * export: the bags are built on disk and streamed into the ZIP, so the export succeeds and every
 * bag in it is valid. Figures (heap used, time) are printed for docs/benchmarks.md, not asserted.
 */
@ChildApplicationTest
class BulkExportSmallHeapTests {

  static final String HEAP = "-Xmx128m";
  static final int VERSIONS = 60;
  static final String STUDYING = "4001100004";

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
  void theWholeArchiveExportsInAHeapMuchSmallerThanTheExport() throws Exception {
    dataDir = Files.createTempDirectory("parvandeh-small-heap-");
    app =
        ChildApplication.startWithHeap(
            dataDir,
            "app.log",
            HEAP,
            "--spring.profiles.active=demo",
            "--parvandeh.backup.dir=" + dataDir.resolve("backups"),
            // this test weighs the export's heap: the text extraction of 60 noise scans would
            // compete for the same 128 MB, and an OutOfMemoryError it caused can land in any
            // thread (once Tomcat's connection poller, and the server stopped answering)
            "--parvandeh.documents.text.extraction-delay=PT1H");
    ApiClient clerk = ApiClient.signedIn(app.port(), "clerk.eng", "parvandeh");
    JsonNode photo = photoOf(clerk.get("/api/students/" + STUDYING + "/file").json());
    long rowVersion = photo.get("rowVersion").asLong();
    long uploadedBytes = 0;
    Random random = new Random(12);
    for (int i = 0; i < VERSIONS; i++) {
      byte[] noise = noisePng(random);
      Response added;
      // In this small heap the background text extraction can leave too little room to check an
      // image: the
      // server then answers 503 (nothing stored) and the clerk sends it again.
      int tries = 0;
      do {
        if (tries++ > 0) {
          Thread.sleep(1000);
        }
        added =
            clerk.multipart(
                "/api/documents/" + photo.get("id").asLong() + "/versions",
                Map.of("rowVersion", String.valueOf(rowVersion)),
                "file",
                new FilePart(null, "scan-" + i + ".png", "image/png", noise));
      } while (added.status() == 503 && tries < 10);
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
      rowVersion = added.json().get("rowVersion").asLong();
      uploadedBytes += noise.length;
    }

    ApiClient manager = ApiClient.signedIn(app.port(), "manager", "parvandeh");
    double heapBefore = heapUsed(manager);
    long started = System.nanoTime();
    Response job = manager.postJson("/api/exports", Map.of());
    assertThat(job.status()).as(job.toString()).isEqualTo(202);
    String status = "/api/exports/" + job.json().get("id").asText();
    double maxHeapUsed = 0;
    JsonNode end;
    while (true) {
      maxHeapUsed = Math.max(maxHeapUsed, heapUsed(manager));
      end = manager.get(status).json();
      if (!"RUNNING".equals(end.get("status").asText())) {
        break;
      }
      Thread.sleep(200);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(end.get("status").asText()).as(end + "\n" + app.log()).isEqualTo("SUCCEEDED");
    assertThat(end.get("bytes").asLong())
        .isGreaterThan(uploadedBytes)
        .isGreaterThan(2L * 128 * 1024 * 1024);

    Path unzipped = Files.createDirectory(dataDir.resolve("unzipped"));
    HttpResponse<InputStream> zip =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + status + "/download"))
                    .header("Cookie", "JSESSIONID=" + manager.cookie("JSESSIONID"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(zip.statusCode()).isEqualTo(200);
    try (InputStream in = zip.body()) {
      BagChecks.unzip(in, unzipped);
    }
    try (Stream<Path> bags = Files.list(unzipped)) {
      for (Path bag : bags.toList()) {
        BagChecks.assertValid(bag);
      }
    }
    System.out.printf(
        "bulk export in %s: %d students, %d bytes in bags, %.1f s, heap used %.1f MB before,"
            + " at most %.1f MB seen during%n",
        HEAP,
        end.get("done").asInt(),
        end.get("bytes").asLong(),
        seconds,
        heapBefore / 1024 / 1024,
        maxHeapUsed / 1024 / 1024);

    // The same archive backed up in the same heap (a figure for docs/benchmarks.md).
    long backupStarted = System.nanoTime();
    ProcessBuilder command =
        new ProcessBuilder("bash", "tools/backup.sh", "http://127.0.0.1:" + app.port(), "admin")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    command.environment().put("PARVANDEH_ADMIN_PASSWORD", "parvandeh");
    Process backup = command.start();
    String name = new String(backup.getInputStream().readAllBytes()).strip();
    assertThat(backup.waitFor()).as(name + "\n" + app.log()).isZero();
    long backupBytes;
    try (Stream<Path> files = Files.walk(dataDir.resolve("backups").resolve(name))) {
      backupBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    System.out.printf(
        "backup in %s: %d bytes written and verified in %.1f s%n",
        HEAP, backupBytes, (System.nanoTime() - backupStarted) / 1e9);
  }

  private static double heapUsed(ApiClient manager) {
    return manager
        .get("/actuator/metrics/jvm.memory.used?tag=area:heap")
        .json()
        .at("/measurements/0/value")
        .asDouble();
  }

  private static JsonNode photoOf(JsonNode file) {
    for (JsonNode stage : file.get("stages")) {
      for (JsonNode document : stage.get("documents")) {
        if ("PHOTO".equals(document.get("typeCode").asText())) {
          return document;
        }
      }
    }
    throw new AssertionError("no photo in " + file);
  }

  /** About 5 MB of PNG that does not compress: every file distinct, every one a valid image. */
  private static byte[] noisePng(Random random) throws Exception {
    BufferedImage image = new BufferedImage(1300, 1300, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
