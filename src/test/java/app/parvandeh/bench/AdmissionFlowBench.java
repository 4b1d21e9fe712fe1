package app.parvandeh.bench;

import app.parvandeh.ParvandehApplication;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.intake.CardArchive;
import app.parvandeh.security.Groups;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admission flow over HTTP, as its users drive it (see AdmissionScenario): a cohort is imported
 * and its exam and report cards attached by a card batch (set-up, not timed); then CLIENTS
 * concurrent clients each take the next student and do the whole admission: the student signs in,
 * waits for the checklist, uploads every document they supply and submits; the faculty clerk finds,
 * claims, accepts every document and completes; the central clerk the same; the job executor then
 * records the registration-complete note. Reports completed files/s, the p95 of each call, and
 * (when the application runs in this JVM) the SQL statements per file. Without {@code
 * -Dbench.ports} the application starts in this JVM with this program's arguments; with {@code
 * -Dbench.ports=8221,8222} it drives running nodes (client i talks to node i mod n; no statement
 * count).
 */
public class AdmissionFlowBench {

  static final String PASSWORD = "parvandeh";

  @Test
  void admits() throws Exception {
    main(BenchSupport.argsFromProperty());
  }

  public static void main(String[] args) throws Exception {
    int files = Integer.getInteger("bench.files", 1000);
    int clients = Integer.getInteger("bench.clients", 4);
    String ports = System.getProperty("bench.ports", "").trim();
    StatementCounter counter = new StatementCounter();
    ConfigurableApplicationContext context = null;
    int[] nodes;
    if (ports.isEmpty()) {
      SpringApplication application = new SpringApplication(ParvandehApplication.class);
      application.addInitializers(c -> c.getBeanFactory().addBeanPostProcessor(counter.wrapper()));
      context = application.run(args);
      nodes = new int[] {((WebServerApplicationContext) context).getWebServer().getPort()};
    } else {
      nodes = Arrays.stream(ports.split(",")).mapToInt(Integer::parseInt).toArray();
    }
    try {
      new AdmissionFlowBench(nodes, ports.isEmpty() ? counter : null).run(files, clients);
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }

  private final int[] nodes;
  private final StatementCounter counter;
  private final Map<String, List<Long>> timings = new ConcurrentHashMap<>();

  AdmissionFlowBench(int[] nodes, StatementCounter counter) {
    this.nodes = nodes;
    this.counter = counter;
  }

  void run(int files, int clients) throws Exception {
    ApiClient central = ApiClient.signedIn(nodes[0], "central.admission", PASSWORD);
    List<String[]> cohort = importCohort(central, files);
    attachCards(central, cohort);
    System.out.printf(
        "BENCH set-up done: %d students with their cards; load average %s%n",
        cohort.size(), BenchSupport.loadAverage());
    ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(cohort);
    List<String> admitted = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    long statementsBefore = counter == null ? 0 : counter.count();
    long cpuBefore = BenchSupport.cpuNanos();
    String loadBefore = BenchSupport.loadAverage();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      int port = nodes[c % nodes.length];
      pool.submit(
          () -> {
            ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", PASSWORD);
            ApiClient centralClerk = ApiClient.signedIn(port, "central.admission", PASSWORD);
            for (String[] student = queue.poll(); student != null; student = queue.poll()) {
              try {
                admit(port, student, clerk, centralClerk);
                admitted.add(student[0]);
              } catch (RuntimeException | AssertionError e) {
                failures.incrementAndGet();
                System.out.println("BENCH failed " + student[0] + ": " + e);
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(6, TimeUnit.HOURS);
    long clientsDone = System.nanoTime();
    int polls = waitForNotes(central, admitted);
    long end = System.nanoTime();
    long statements = counter == null ? 0 : counter.count() - statementsBefore;
    if (counter != null) { // take out what the waiting's own file views cost
      long one = counter.count();
      central.get("/api/students/" + admitted.get(0) + "/file");
      statements -= polls * (counter.count() - one);
    }
    double seconds = (end - start) / 1e9;
    System.out.printf(
        "BENCH | nodes %d | clients %d | files %d completed, %d failed | %.1f s (clients done after"
            + " %.1f s) | %.2f files/s | CPU of this JVM %.0f ms/file | SQL statements/file %s | load average %s"
            + " -> %s%n",
        nodes.length,
        clients,
        admitted.size(),
        failures.get(),
        seconds,
        (clientsDone - start) / 1e9,
        admitted.size() / seconds,
        (BenchSupport.cpuNanos() - cpuBefore) / 1e6 / admitted.size(),
        counter == null ? "-" : String.format("%.0f", (double) statements / admitted.size()),
        loadBefore,
        BenchSupport.loadAverage());
    List<Long> all = new ArrayList<>();
    System.out.println("BENCH | call | count | median ms | p95 ms");
    new TreeMap<>(timings)
        .forEach(
            (call, list) -> {
              all.addAll(list);
              System.out.printf(
                  "BENCH | %s | %d | %.0f | %.0f%n",
                  call, list.size(), percentile(list, 50), percentile(list, 95));
            });
    System.out.printf(
        "BENCH | every call | %d | %.0f | %.0f%n",
        all.size(), percentile(all, 50), percentile(all, 95));
  }

  /** One whole admission; throws when a call does not answer as the flow expects. */
  private void admit(int port, String[] student, ApiClient clerk, ApiClient central) {
    String number = student[0];
    ApiClient portal = timed("student sign-in", () -> ApiClient.signedIn(port, number, student[1]));
    JsonNode file = timed("GET /api/portal/file", () -> portal.get("/api/portal/file")).json();
    while (!"Task_UploadAdmissionDocuments".equals(file.at("/openTask/key").asText())) {
      sleep(50); // the RequiredDocuments step runs in the job executor after the import
      file = timed("GET /api/portal/file", () -> portal.get("/api/portal/file")).json();
    }
    List<FilePart> parts = new ArrayList<>();
    for (JsonNode requirement : file.get("requirements")) {
      if (requirement.get("supplier").asText().equals("STUDENT")
          && requirement.get("document").isNull()) {
        String type = requirement.get("typeCode").asText();
        parts.add(
            type.equals("PHOTO")
                ? new FilePart(type, "photo.jpg", "image/jpeg", DemoFiles.jpeg())
                : new FilePart(type, type + ".pdf", "application/pdf", DemoFiles.pdf(type)));
      }
    }
    expect(
        timed(
            "POST documents (" + parts.size() + " files)",
            () -> portal.upload("/api/students/" + number + "/documents", parts)),
        201);
    expect(timed("POST /api/portal/submit", () -> portal.post("/api/portal/submit")), 200);
    review(clerk, number, "faculty-engineering", "clerk.eng");
    review(central, number, Groups.CENTRAL_ADMISSION, "central.admission");
  }

  private void review(ApiClient api, String number, String group, String user) {
    JsonNode tasks =
        timed(
                "GET engine-rest task",
                () ->
                    api.engineRest(
                        "GET",
                        "/task?processInstanceBusinessKey="
                            + number
                            + "&candidateGroup="
                            + group
                            + "&maxResults=10",
                        null))
            .json();
    if (tasks.size() != 1) {
      throw new IllegalStateException("expected one task for " + group + ", got " + tasks);
    }
    String task = tasks.get(0).get("id").asText();
    expect(
        timed(
            "POST engine-rest claim",
            () -> api.engineRest("POST", "/task/" + task + "/claim", Map.of("userId", user))),
        204);
    JsonNode review = timed("GET review", () -> api.get("/api/tasks/" + task + "/review")).json();
    for (JsonNode document : review.get("documents")) {
      expect(
          timed(
              "POST review decision",
              () ->
                  api.postJson(
                      "/api/tasks/" + task + "/reviews",
                      Map.of("documentId", document.get("id").asLong(), "decision", "ACCEPTED"))),
          200);
    }
    expect(
        timed(
            "POST engine-rest complete",
            () -> api.engineRest("POST", "/task/" + task + "/complete", Map.of())),
        204);
  }

  /**
   * Waits until every admitted file has its registration-complete note; returns how many file views
   * it took.
   */
  private static int waitForNotes(ApiClient central, List<String> admitted) {
    int polls = 0;
    long deadline = System.nanoTime() + 1_800_000_000_000L;
    for (String number : admitted) {
      while (true) {
        polls++;
        JsonNode notes = central.get("/api/students/" + number + "/file").json().get("notes");
        if (notes != null && notes.findValuesAsText("kind").contains("REGISTRATION_COMPLETE")) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no registration-complete note for " + number);
        }
        sleep(200);
      }
    }
    return polls;
  }

  /** {student number, national ID} of each imported row. */
  private static List<String[]> importCohort(ApiClient central, int files) {
    String prefix = String.valueOf(100 + (System.currentTimeMillis() / 1000) % 900);
    StringBuilder csv =
        new StringBuilder(
            "student_number,national_id,first_name,last_name,father_name,"
                + "faculty_code,degree_level,program,entry_year,admission_type,brilliant_talent\r\n");
    List<String[]> cohort = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String number = "1405" + prefix + String.format("%05d", i);
      String nationalId = BenchSupport.nationalId(number);
      cohort.add(new String[] {number, nationalId});
      csv.append(number)
          .append(',')
          .append(nationalId)
          .append(",نرگس,کاظمی,رضا,engineering,کارشناسی,مهندسی کامپیوتر,1405,سراسری,false\r\n");
    }
    Response started =
        central.multipart(
            "/api/intake/cohorts",
            Map.of(),
            "file",
            new FilePart(
                null, "cohort.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    long id = started.json().path("id").asLong();
    JsonNode status;
    do {
      sleep(500);
      status = central.get("/api/intake/cohorts/" + id + "?rows=false").json();
    } while (!status.path("status").asText().matches("DONE|REFUSED"));
    if (status.path("accepted").asInt() != files) {
      throw new IllegalStateException("cohort import: " + status);
    }
    return cohort;
  }

  private static void attachCards(ApiClient central, List<String[]> cohort) {
    CardArchive archive = CardArchive.create();
    for (String[] student : cohort) {
      archive
          .add("cards/" + student[0] + "_EXAM_CARD.pdf", CardArchive.pdf())
          .add("cards/" + student[0] + "_CONFIDENTIAL_REPORT_CARD.jpg", CardArchive.jpeg());
    }
    JsonNode batch = CardArchive.uploadAndWait(central, archive.bytes());
    if (batch.path("attached").asInt() != 2 * cohort.size()) {
      throw new IllegalStateException(
          "card batch: " + batch.path("attached") + " attached of " + 2 * cohort.size());
    }
  }

  private <T> T timed(String call, Supplier<T> action) {
    long start = System.nanoTime();
    T result = action.get();
    timings
        .computeIfAbsent(call, c -> Collections.synchronizedList(new ArrayList<>()))
        .add((System.nanoTime() - start) / 1_000_000);
    return result;
  }

  private static void expect(Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + ": " + response);
    }
  }

  private static double percentile(List<Long> values, int percent) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty()
        ? 0
        : sorted.get(
            Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
