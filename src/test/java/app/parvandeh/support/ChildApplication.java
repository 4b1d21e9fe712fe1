package app.parvandeh.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * The real application ({@code ParvandehApplication}, as {@code java -jar} would run it) in a JVM
 * of its own, on a data folder the caller keeps across starts and a loopback port the child picks
 * itself (port 0) and writes to a file, so no other server can take the port between a choice and
 * the bind: for tests that kill and restart it.
 *
 * <p>A child never outlives its test: {@link #close} (use try-with-resources or call it in a {@code
 * finally}) kills it, a shutdown hook of the test JVM kills every child still alive, and should the
 * test JVM itself be killed, the child sees its pipe to the parent close and halts ({@link
 * ChildMain}).
 */
public final class ChildApplication implements AutoCloseable {

  private static final String MAIN_CLASS = ChildMain.class.getName();
  private static final java.util.Set<Process> ALIVE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> ALIVE.forEach(Process::destroyForcibly), "kill-child-applications"));
  }

  private final Process process;
  private final Path portFile;
  private final Path log;
  private int port;

  private ChildApplication(Process process, Path portFile, Path log) {
    this.process = process;
    this.portFile = portFile;
    this.log = log;
  }

  /**
   * Starts the application with the given extra arguments and waits until it is ready ({@code
   * /actuator/health/readiness} answers 200 only after the start-up runners, e.g. the demo users,
   * are done).
   */
  public static ChildApplication start(Path dataDir, String logName, String... arguments)
      throws IOException, InterruptedException {
    return startWithHeap(dataDir, logName, "-Xmx512m", arguments);
  }

  /**
   * The demo install (its users sign in with the demo password) with the job executor off, so no
   * process step runs beside what the test looks at; then {@code more}.
   */
  public static String[] demoWithoutJobs(String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of("--spring.profiles.active=demo", "--camunda.bpm.job-execution.enabled=false"));
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }

  /**
   * For a start after a kill: the killed process's import and batch leases expire after 20 s
   * instead of the default two minutes, and the restarted one looks for work nobody holds every 3 s
   * instead of every minute; the takeover is the same, only sooner.
   */
  public static final List<String> QUICK_TAKEOVER =
      List.of("--parvandeh.cluster.lease-time=PT20S", "--parvandeh.intake.resume-delay=PT3S");

  /** {@link #QUICK_TAKEOVER}, then {@code more}. */
  public static String[] withQuickTakeover(String... more) {
    List<String> arguments = new ArrayList<>(QUICK_TAKEOVER);
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }

  /**
   * As {@link #start(Path, String, String...)} with the given maximum heap, e.g. {@code -Xmx160m}.
   */
  public static ChildApplication startWithHeap(
      Path dataDir, String logName, String maxHeap, String... arguments)
      throws IOException, InterruptedException {
    Path log = dataDir.resolve(logName);
    Path portFile = dataDir.resolve(logName + ".port");
    Files.deleteIfExists(portFile);
    Process process = launch(command(dataDir, portFile, maxHeap, arguments), log);
    ChildApplication app = new ChildApplication(process, portFile, log);
    try {
      app.awaitHealthy();
    } catch (AssertionError | InterruptedException | RuntimeException e) {
      app.close();
      throw e;
    }
    return app;
  }

  /**
   * Runs the application as a command that ends by itself (e.g. a restore) and returns its exit
   * code; its output is in {@code log}.
   */
  public static int runToExit(Path dataDir, Path log, String... arguments)
      throws IOException, InterruptedException {
    Path portFile = dataDir.resolve(log.getFileName() + ".port");
    Process process = launch(command(dataDir, portFile, "-Xmx512m", arguments), log);
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        throw new AssertionError(
            "the command did not end within 5 minutes:\n" + Files.readString(log));
      }
      return process.exitValue();
    } finally {
      process.destroyForcibly();
      ALIVE.remove(process);
    }
  }

  /**
   * Starts the child with its output in {@code log} and its stdin a pipe from this JVM (see {@link
   * ChildMain}).
   */
  private static Process launch(List<String> command, Path log) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ALIVE.add(process);
    return process;
  }

  private static List<String> command(
      Path dataDir, Path portFile, String maxHeap, String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                maxHeap,
                "-XX:TieredStopAtLevel=1",
                "-D" + ChildMain.PORT_FILE + "=" + portFile,
                "-cp",
                System.getProperty("java.class.path"),
                MAIN_CLASS,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--parvandeh.data-dir=" + dataDir,
                "--logging.level.root=warn"));
    command.addAll(List.of(arguments));
    return command;
  }

  public int port() {
    return port;
  }

  /**
   * The child's embedded H2 database in {@code dataDir} (the default install's), to look into once
   * no child runs on it: H2 holds the file locked while the application runs.
   */
  public static Connection h2(Path dataDir) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/parvandeh"), "sa", "");
  }

  /** The single number a {@code select count(*) …} answers. */
  public static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no graceful close of the database or the server. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the application did not die after SIGKILL");
    }
    ALIVE.remove(process);
  }

  /** Kills the child if it still runs (SIGKILL: tests only ever stop it the hard way). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
    ALIVE.remove(process);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitHealthy() throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = null;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the application exited with " + process.exitValue() + ":\n" + log());
      }
      if (health == null) {
        port = boundPort();
        if (port > 0) {
          health =
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                  .build();
        }
        Thread.sleep(200);
        continue;
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the application was not healthy within 3 minutes:\n" + log());
  }

  /** The port the child wrote once its server was listening; 0 before that. */
  private int boundPort() {
    try {
      String written = Files.readString(portFile, StandardCharsets.US_ASCII).trim();
      return written.isEmpty() ? 0 : Integer.parseInt(written);
    } catch (IOException | NumberFormatException notWrittenYet) {
      return 0;
    }
  }
}
