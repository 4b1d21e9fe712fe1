package app.parvandeh.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.student.NewStudent;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ChildApplication;
import app.parvandeh.support.S3Server;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A homogeneous cluster on loopback: two real application processes (their own JVMs, random ports)
 * on one PostgreSQL schema and one S3 store (S3Proxy, primary and replica buckets) and one shared
 * data folder (intake archives), each with its job executor. Files are opened and tasks completed
 * through both nodes in turn, a clerk's session moves between them, and one node is killed
 * (SIGKILL) while it has jobs and a cohort import in hand: the other finishes everything, and the
 * database shows each piece of work done exactly once.
 *
 * <p>Job locks and leases are short here (10 s) so the take-over happens within the test; the
 * defaults are 5 min (Camunda) and 2 min (ours).
 */
@EnabledIfEnvironmentVariable(named = "PARVANDEH_DB_URL", matches = ".+")
class TwoNodeClusterOnPostgresTests {

  private static final String URL = System.getenv("PARVANDEH_DB_URL");
  private static final String USER = System.getenv().getOrDefault("PARVANDEH_DB_USER", "parvandeh");
  private static final String PASSWORD = System.getenv().getOrDefault("PARVANDEH_DB_PASSWORD", "");
  private static final String SCHEMA = "cluster_" + Long.toString(System.nanoTime(), 36);
  private static final int FILES = 6;
  private static final int COHORT_ROWS = 40;

  @TempDir static Path shared;

  static S3Server s3;
  static ChildApplication nodeA;
  static ChildApplication nodeB;

  @BeforeAll
  static void startTheCluster() throws Exception {
    sql("create schema " + SCHEMA);
    s3 = S3Server.start(shared.resolve("s3"));
    s3.createBucket("primary");
    s3.createBucket("replica");
    // One after the other: the first creates the schema and the demo data, the second finds them.
    nodeA = ChildApplication.start(shared, "node-a.log", arguments("node-a"));
    nodeB = ChildApplication.start(shared, "node-b.log", arguments("node-b"));
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    for (ChildApplication node : new ChildApplication[] {nodeA, nodeB}) {
      if (node != null) {
        node.kill();
      }
    }
    if (s3 != null) {
      s3.close();
    }
    sql("drop schema if exists " + SCHEMA + " cascade");
  }

  private static String[] arguments(String node) {
    String separator = URL.contains("?") ? "&" : "?";
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + URL + separator + "currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--camunda.bpm.database.type=postgres",
                "--camunda.bpm.database.schema-name=" + SCHEMA,
                "--camunda.bpm.database.table-prefix=" + SCHEMA + ".",
                "--camunda.bpm.generic-properties.properties.hostname=" + node,
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--parvandeh.cluster.node-id=" + node,
                "--parvandeh.cluster.lease-time=PT10S",
                "--parvandeh.intake.resume-delay=PT3S",
                "--parvandeh.documents.replica-catch-up-delay=PT2S",
                "--parvandeh.preservation.fixity.cron=*/15 * * * * *"));
    for (String copy : new String[] {"primary", "replica"}) {
      String prefix = "--parvandeh.documents." + copy;
      args.addAll(
          List.of(
              prefix + ".type=s3",
              prefix + ".s3.endpoint=" + s3.endpoint(),
              prefix + ".s3.bucket=" + copy,
              prefix + ".s3.region=" + S3Server.REGION,
              prefix + ".s3.access-key=" + S3Server.ACCESS_KEY,
              prefix + ".s3.secret-key=" + S3Server.SECRET_KEY,
              prefix + ".s3.path-style=true"));
    }
    return args.toArray(String[]::new);
  }

  @Test
  void bothNodesServeTheWorkAndTheSurvivorFinishesWhatTheKilledNodeHad() throws Exception {
    // A clerk signed in on A is still signed in on B, in our pages and in Camunda's webapps
    // (Tasklist's API).
    ApiClient clerkOnA = ApiClient.signedIn(nodeA.port(), "clerk.eng", "parvandeh");
    ApiClient clerkOnB = clerkOnA.sameSessionOn(nodeB.port());
    assertThat(clerkOnB.get("/api/me").json().get("username").asText()).isEqualTo("clerk.eng");
    Response tasklist =
        clerkOnB.call(
            "GET",
            "/camunda/api/engine/engine/default/task/count",
            clerkOnB.camundaWebappHeaders(),
            null);
    assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(200);
    assertThat(
            clerkOnB
                .call(
                    "GET",
                    "/camunda/api/admin/auth/user/default",
                    clerkOnB.camundaWebappHeaders(),
                    null)
                .json()
                .get("userId")
                .asText())
        .isEqualTo("clerk.eng");

    ApiClient centralOnA = ApiClient.signedIn(nodeA.port(), "central.admission", "parvandeh");
    ApiClient centralOnB = centralOnA.sameSessionOn(nodeB.port());
    ApiClient[] central = {centralOnA, centralOnB};
    ApiClient[] clerk = {clerkOnA, clerkOnB};

    // Files opened on both nodes in turn; each admission walked through both nodes in turn.
    List<NewStudent> opened = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      NewStudent data = TestStudents.newStudent("engineering", 1402, true);
      Response created = central[i % 2].postJson("/api/students", data);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      opened.add(data);
    }
    for (int i = 0; i < FILES; i++) {
      NewStudent data = opened.get(i);
      int[] port = {
        i % 2 == 0 ? nodeA.port() : nodeB.port(), i % 2 == 0 ? nodeB.port() : nodeA.port()
      };
      ApiClient student = signInWhenReady(port[0], data);
      uploadEverythingAsked(student, data.studentNumber());
      Response submitted = student.sameSessionOn(port[1]).post("/api/portal/submit");
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
      review(clerk[i % 2], clerk[(i + 1) % 2], data.studentNumber(), "faculty-engineering");
      review(central[(i + 1) % 2], central[i % 2], data.studentNumber(), "central-admission");
    }

    // A cohort list goes to node A, which is killed right after: its jobs (registration notes, in
    // hand or not yet
    // taken) and the import are left to B.
    StringBuilder csv =
        new StringBuilder(
            "student_number,national_id,first_name,last_name,father_name,faculty_code,"
                + "degree_level,program,entry_year,admission_type,brilliant_talent\n");
    Set<String> cohort = new HashSet<>();
    for (int i = 0; i < COHORT_ROWS; i++) {
      String number = "1403" + (100000 + ThreadLocalRandom.current().nextInt(900000));
      if (!cohort.add(number)) {
        i--;
        continue;
      }
      csv.append(number)
          .append(',')
          .append(TestStudents.nationalId())
          .append(",مریم,رضایی,علی,engineering,کارشناسی,مهندسی کامپیوتر,1403,سراسری,false\n");
    }
    Response upload =
        centralOnA.multipart(
            "/api/intake/cohorts",
            Map.of(),
            "file",
            new FilePart(
                null,
                "cohort-1403.csv",
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    long importId = upload.json().get("id").asLong();
    nodeA.kill();
    nodeA = null;

    String notes =
        "select count(*) from note n join student s on s.id = n.student_id where n.kind ="
            + " 'REGISTRATION_COMPLETE' and s.student_number in ("
            + quoted(opened)
            + ")";
    awaitUpTo(
        4,
        () ->
            "DONE".equals(string("select status from cohort_import where id = " + importId))
                && count(notes) == FILES
                && count("select count(*) from replica_backlog") == 0,
        () ->
            "import "
                + string("select status from cohort_import where id = " + importId)
                + ", rows not done "
                + count(
                    "select count(*) from cohort_row where import_id = "
                        + importId
                        + " and outcome is null")
                + ", leases "
                + string(
                    "select string_agg(name || '@' || holder || ' until ' || expires_at, '; ') from cluster_lease")
                + ", registration notes "
                + count(notes)
                + " of "
                + FILES
                + ", replica backlog "
                + count("select count(*) from replica_backlog")
                + ", jobs "
                + string(
                    "select string_agg(coalesce(lock_owner_, '-') || ' ' || retries_ || ' '"
                        + " || coalesce(exception_msg_, ''), '; ') from act_ru_job"));

    // Exactly once: one file process per student, one note per file, one document per requirement.
    assertThat(
            count(
                "select count(*) from cohort_row where import_id = "
                    + importId
                    + " and outcome = 'ACCEPTED'"))
        .isEqualTo(COHORT_ROWS);
    assertThat(
            count(
                "select count(*) from student where student_number in ("
                    + quotedNumbers(cohort)
                    + ")"))
        .isEqualTo(COHORT_ROWS);
    assertThat(
            count(
                "select count(*) from (select business_key_ from act_hi_procinst p join act_re_procdef d"
                    + " on d.id_ = p.proc_def_id_ where d.key_ = 'StudentFileProcess' group by business_key_"
                    + " having count(*) > 1) twice"))
        .isZero();
    assertThat(
            count(
                "select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_"
                    + " where d.key_ = 'StudentFileProcess' and p.business_key_ in ("
                    + quotedNumbers(cohort)
                    + ")"))
        .isEqualTo(COHORT_ROWS);
    assertThat(
            count(
                "select count(*) from (select student_id, kind from note where kind = 'REGISTRATION_COMPLETE'"
                    + " group by student_id, kind having count(*) > 1) twice"))
        .isZero();
    assertThat(
            count(
                "select count(*) from (select student_id, type_code from document"
                    + " group by student_id, type_code having count(*) > 1) twice"))
        .isZero();
    assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null")).isZero();

    // Jobs ran on whichever node took them: both did some, and B did those A left.
    assertThat(
            count(
                "select count(*) from act_hi_job_log where hostname_ = 'node-b' and job_state_ = 2"))
        .isPositive();
    assertThat(
            count(
                "select count(*) from act_hi_job_log where hostname_ = 'node-a' and job_state_ = 2"))
        .isPositive();

    // The replica (the other bucket) holds every blob the primary does, copied by whichever node
    // held the lease.
    try (S3Client client = s3.client()) {
      assertThat(blobs(client, "replica")).containsAll(blobs(client, "primary")).isNotEmpty();
    }
    // The audit's schedule (every 15 s here) fires on both nodes; one of them runs it: one run per
    // firing.
    String scheduled = "from fixity_audit_run where started_by = 'system:fixity-audit'";
    awaitUpTo(
        1, () -> count("select count(*) " + scheduled) > 0, () -> "no scheduled fixity audit run");
    assertThat(count("select count(*) " + scheduled))
        .isEqualTo(
            count(
                "select count(distinct floor(extract(epoch from started_at) / 15)) " + scheduled));

    // B still serves the clerk who signed in on A.
    assertThat(clerkOnB.get("/api/me").json().get("username").asText()).isEqualTo("clerk.eng");
  }

  /**
   * The student's account comes with the file; B may answer before A's transaction is visible to
   * it.
   */
  private static ApiClient signInWhenReady(int port, NewStudent data) {
    return ApiClient.signedIn(port, data.studentNumber(), data.nationalId());
  }

  private static void uploadEverythingAsked(ApiClient student, String number) {
    JsonNode file = student.get("/api/portal/file").json();
    List<FilePart> parts = new ArrayList<>();
    for (JsonNode requirement : file.get("requirements")) {
      if ("STUDENT".equals(requirement.get("supplier").asText())
          && requirement.get("document").isNull()) {
        String type = requirement.get("typeCode").asText();
        parts.add(
            new FilePart(
                type, type + ".pdf", "application/pdf", DemoFiles.pdf(number + " " + type)));
      }
    }
    Response uploaded = student.upload("/api/students/" + number + "/documents", parts);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
  }

  /** Claims and decides on one node, completes on the other. */
  private static void review(ApiClient first, ApiClient second, String number, String group) {
    JsonNode tasks =
        first
            .engineRest(
                "GET",
                "/task?processInstanceBusinessKey="
                    + number
                    + "&candidateGroup="
                    + group
                    + "&maxResults=10",
                null)
            .json();
    assertThat(tasks).as(group + " task of " + number).hasSize(1);
    String task = tasks.get(0).get("id").asText();
    String user = first.get("/api/me").json().get("username").asText();
    assertThat(
            first.engineRest("POST", "/task/" + task + "/claim", Map.of("userId", user)).status())
        .isEqualTo(204);
    for (JsonNode document : first.get("/api/tasks/" + task + "/review").json().get("documents")) {
      Response decided =
          second.postJson(
              "/api/tasks/" + task + "/reviews",
              Map.of("documentId", document.get("id").asLong(), "decision", "ACCEPTED"));
      assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }
    Response completed = second.engineRest("POST", "/task/" + task + "/complete", Map.of());
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  private static List<String> blobs(S3Client client, String bucket) {
    List<String> keys = new ArrayList<>();
    client
        .listObjectsV2Paginator(b -> b.bucket(bucket))
        .contents()
        .forEach(
            o -> {
              if (!o.key().endsWith("/")) {
                keys.add(o.key());
              }
            });
    return keys;
  }

  private static String quoted(List<NewStudent> students) {
    return String.join(",", students.stream().map(s -> "'" + s.studentNumber() + "'").toList());
  }

  private static String quotedNumbers(Set<String> numbers) {
    return String.join(",", numbers.stream().map(n -> "'" + n + "'").toList());
  }

  /** Waits for the condition; if it never holds, fails with what {@code state} says is left. */
  private static void awaitUpTo(int minutes, BooleanSupplier condition, Supplier<String> state)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the cluster did not finish its work within "
                + minutes
                + " min ("
                + state.get()
                + "); node B's log:\n"
                + nodeB.log());
      }
      Thread.sleep(500);
    }
  }

  private static long count(String query) {
    String value = string(query);
    return value == null ? 0 : Long.parseLong(value);
  }

  private static String string(String query) {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("set search_path to " + SCHEMA);
      try (ResultSet rs = statement.executeQuery(query)) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }
}
