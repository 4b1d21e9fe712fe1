package app.parvandeh.intake;

import app.parvandeh.ParvandehApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in a JVM of its own, on a file database in a given data directory, so a test can kill it the
 * hard way (SIGKILL, no shutdown hooks) and start it again on the same data. {@link #main} is the child's side.
 */
final class ChildApplication implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("CHILD-STARTED port=(\\d+)");

  private final Process process;
  private final Path log;
  final int port;

  private ChildApplication(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Runs in the child: starts the application, says on which port, and stays up until killed. */
  public static void main(String[] args) throws InterruptedException {
    app.parvandeh.support.ChildMain.dieWithParent();
    ConfigurableApplicationContext context = SpringApplication.run(ParvandehApplication.class, args);
    System.out.println("CHILD-STARTED port=" + ((WebServerApplicationContext) context).getWebServer().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  /** Starts the demo profile on {@code dataDir} (H2 file database there) and waits until it serves. */
  static ChildApplication start(Path dataDir, String name, String... extraArgs)
      throws IOException, InterruptedException {
    Path log = dataDir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), ChildApplication.class.getName(),
        "--spring.profiles.active=demo", "--parvandeh.data-dir=" + dataDir, "--server.port=0",
        // H2 writes committed work to its file about once a second by default; killed in between, it was seen to
        // come back with half a transaction (a student without their row's outcome or file process). Writing at
        // every commit keeps what these tests look at, the application's own resumption, apart from that.
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/parvandeh")
            + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=warn"));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // never outlives the test JVM: killed by its shutdown hook, or halting itself when the JVM is gone (main)
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline && process.isAlive()) {
      Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (started.find()) {
        return new ChildApplication(process, log, Integer.parseInt(started.group(1)));
      }
      Thread.sleep(250);
    }
    process.destroyForcibly().waitFor();
    throw new AssertionError("the child application did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The child's file database, to look into once no child runs on it. */
  static Connection database(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/parvandeh"), "sa", "");
  }

  static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** SIGKILL: no shutdown hook, no graceful stop, like a power cut of the JVM. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        kill();
      }
    }
  }
}
