package app.parvandeh.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.PostgresTestDatabase;
import app.parvandeh.support.StuckReportPages;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stuck-files report comes a page at a time, cut in the database: the pages of one report do
 * not overlap, leave nothing out, keep one order (oldest first, then by file and step) and add up
 * to the total the spreadsheet holds; a bad page or size is refused in both languages, and the
 * report stays the managers'.
 */
@ParvandehIntegrationTest
class StuckFilesPagingTests {

  private static final String IDLE_DAYS = "idleDays=30";

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired DataSource dataSource;

  @Test
  void pagesAreDisjointCoverTheWholeReportOldestFirstInAStableOrderAndAddUpToTheTotal() {
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      StudentRef student =
          students.admit(TestStudents.newStudent("engineering", 1402, false), "admission-office");
      DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
      ours.add(student.studentNumber());
    }
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");
    List<JsonNode> pages;
    List<JsonNode> again;
    Response beyond;
    String csv;
    // 40 days on, every open step of these files (and of the context's other files) is idle
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(40))));
    try {
      pages = StuckReportPages.all(manager, 7, IDLE_DAYS);
      again = StuckReportPages.all(manager, 7, IDLE_DAYS);
      beyond = manager.get("/api/reports/stuck?page=100000&size=7&" + IDLE_DAYS);
      csv = manager.get("/api/reports/stuck.csv?" + IDLE_DAYS).text();
    } finally {
      ClockUtil.reset();
    }

    long total = pages.get(0).get("total").asLong();
    assertThat(total).isGreaterThanOrEqualTo(ours.size());
    assertThat(pages).hasSize((int) ((total + 6) / 7)).hasSizeGreaterThan(1);
    List<JsonNode> files = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      JsonNode page = pages.get(i);
      assertThat(page.get("page").asInt()).isEqualTo(i);
      assertThat(page.get("size").asInt()).isEqualTo(7);
      assertThat(page.get("total").asLong()).isEqualTo(total);
      assertThat(page.get("files").size())
          .isEqualTo(i < pages.size() - 1 ? 7 : (int) (total - 7L * (pages.size() - 1)));
      page.get("files").forEach(files::add);
    }
    List<String> keys = files.stream().map(StuckFilesPagingTests::key).toList();
    assertThat(new HashSet<>(keys)).as("no file and step on two pages").hasSize((int) total);
    assertThat(files.stream().map(f -> f.get("studentNumber").asText()).toList()).containsAll(ours);
    assertThat(files)
        .as("oldest first, then by file and step")
        .isSortedAccordingTo(
            Comparator.comparing((JsonNode f) -> since(f))
                .thenComparing(f -> f.get("processInstanceId").asText())
                .thenComparing(f -> f.get("stepId").asText()));
    assertThat(again.stream().flatMap(p -> stream(p.get("files"))).map(StuckFilesPagingTests::key))
        .as("the same pages when asked again")
        .containsExactlyElementsOf(keys);
    long counted = 0;
    for (JsonNode count : pages.get(0).get("byFacultyAndStep")) {
      counted += count.get("files").asLong();
    }
    assertThat(counted).as("the counts are of every page's files").isEqualTo(total);
    assertThat(beyond.status()).isEqualTo(200);
    assertThat(beyond.json().get("files")).isEmpty();
    assertThat(beyond.json().get("total").asLong()).isEqualTo(total);

    // the spreadsheet is the whole report: the same files and steps as all the pages together
    List<List<String>> rows = csvRows(csv);
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0) + "/" + r.get(4)))
        .containsExactlyElementsOf(
            files.stream()
                .map(f -> f.get("studentNumber").asText() + "/" + f.get("stepId").asText())
                .toList());
  }

  @Test
  void onPostgresqlTheEnginesOpenStepsHaveAPartialIndexAndOnH2None() {
    if (PostgresTestDatabase.active()) {
      assertThatTheOpenStepsIndexIsOurs();
    } else {
      assertThat(
              new JdbcTemplate(dataSource)
                  .queryForList(
                      "select index_name from information_schema.indexes"
                          + " where lower(index_name) = ?",
                      String.class,
                      OpenStepsIndex.NAME))
          .isEmpty();
    }
  }

  @Test
  void anOpenStepsIndexLeftInvalidByABuildCutShortIsBuiltAgainAtTheNextStart() throws SQLException {
    assumeTrue(PostgresTestDatabase.active(), "partial indexes are PostgreSQL's");
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1402, false), "admission-office");
    DueJobs.run(management, DueJobs.fileInstanceOf(runtime, student.studentNumber()));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("drop index " + OpenStepsIndex.NAME);
    // A unique build over the definitions fails at their first repeat, as a build cut short
    // does, and leaves its index behind, invalid.
    assertThatThrownBy(
            () ->
                jdbc.execute(
                    "create unique index concurrently "
                        + OpenStepsIndex.NAME
                        + " on ACT_HI_ACTINST (PROC_DEF_ID_)"))
        .isInstanceOf(DataAccessException.class);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(OpenStepsIndex.state(connection, OpenStepsIndex.NAME))
          .isEqualTo(OpenStepsIndex.State.INVALID);
    }

    OpenStepsIndex.create(dataSource, "");

    try (Connection connection = dataSource.getConnection()) {
      assertThat(OpenStepsIndex.state(connection, OpenStepsIndex.NAME))
          .isEqualTo(OpenStepsIndex.State.VALID);
    }
    assertThatTheOpenStepsIndexIsOurs();
  }

  @Test
  void aNodeStartingWhileAnotherSeesToTheOpenStepsIndexLeavesTheIndexToIt() throws SQLException {
    assumeTrue(PostgresTestDatabase.active(), "partial indexes are PostgreSQL's");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // Named with its schema, as the engine's table prefix names it: the public schema of the same
    // database may hold another application's index of that name (the *OnPostgresTests').
    String schema = jdbc.queryForObject("select current_schema()", String.class);
    String index = schema + "." + OpenStepsIndex.NAME;
    jdbc.execute("drop index " + index);
    try (Connection otherNode = dataSource.getConnection()) {
      otherNode.setAutoCommit(true);
      assertThat(OpenStepsIndex.advisoryLock(otherNode, "pg_try_advisory_lock", schema)).isTrue();

      OpenStepsIndex.create(dataSource, schema + ".");

      try (Connection connection = dataSource.getConnection()) {
        assertThat(OpenStepsIndex.state(connection, index))
            .as("left to the node holding the lock")
            .isEqualTo(OpenStepsIndex.State.ABSENT);
      }
      assertThat(OpenStepsIndex.advisoryLock(otherNode, "pg_advisory_unlock", schema)).isTrue();
    } finally {
      OpenStepsIndex.create(dataSource, schema + ".");
    }

    try (Connection connection = dataSource.getConnection()) {
      assertThat(OpenStepsIndex.state(connection, index)).isEqualTo(OpenStepsIndex.State.VALID);
      assertThat(OpenStepsIndex.advisoryLock(connection, "pg_try_advisory_lock", schema))
          .as("given up after the build")
          .isTrue();
      OpenStepsIndex.advisoryLock(connection, "pg_advisory_unlock", schema);
    }
    assertThatTheOpenStepsIndexIsOurs();
  }

  private void assertThatTheOpenStepsIndexIsOurs() {
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForList(
                    "select indexdef from pg_indexes"
                        + " where indexname = ? and schemaname = current_schema()",
                    String.class,
                    OpenStepsIndex.NAME))
        .singleElement()
        .asString()
        .containsIgnoringCase("act_hi_actinst")
        .containsIgnoringCase("(proc_def_id_, act_id_, start_time_)")
        .containsIgnoringCase("WHERE (end_time_ IS NULL)")
        .doesNotContainIgnoringCase("unique");
  }

  @Test
  void aBadPageOrSizeIsRefusedInPersianAndEnglish() {
    ApiClient manager = ApiClient.signedIn(port, "manager", "parvandeh");
    for (String query :
        List.of("page=-1", "size=0", "size=201", "size=abc", "page=x", "page=2000000")) {
      Response answer = manager.get("/api/reports/stuck?" + query);
      assertThat(answer.status()).as(query + ": " + answer).isEqualTo(400);
      assertThat(answer.json().get("messageFa").asText()).as(query).isNotBlank();
      assertThat(answer.json().get("messageEn").asText()).as(query).isNotBlank();
    }
    Response largest = manager.get("/api/reports/stuck?page=0&size=200");
    assertThat(largest.status()).as(largest.toString()).isEqualTo(200);
    assertThat(largest.json().get("size").asInt()).isEqualTo(200);
    Response byDefault = manager.get("/api/reports/stuck");
    assertThat(byDefault.json().get("page").asInt()).isZero();
    assertThat(byDefault.json().get("size").asInt()).isEqualTo(50);
  }

  @Test
  void aPageIsRefusedToThoseWhoAreNotManagersWhateverTheyAsk() {
    for (ApiClient other :
        List.of(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh"),
            ApiClient.signedIn(port, "central.admission", "parvandeh"),
            ApiClient.signedIn(port, "4021100001", "0012345679"))) {
      for (String path :
          List.of(
              "/api/reports/stuck?page=1&size=3",
              "/api/reports/stuck?page=-1",
              "/api/reports/stuck.csv")) {
        assertThat(other.get(path).status()).as(path).isEqualTo(403);
      }
    }
    assertThat(ApiClient.anonymous(port).get("/api/reports/stuck?page=0").status()).isIn(401, 302);
  }

  private static String key(JsonNode file) {
    return file.get("processInstanceId").asText() + "/" + file.get("stepId").asText();
  }

  private static Instant since(JsonNode file) {
    JsonNode since = file.get("since");
    return since.isNumber()
        ? Instant.ofEpochMilli(Math.round(since.asDouble() * 1000))
        : Instant.parse(since.asText());
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  /** RFC 4180 records (quoted cells, doubled quotes, line breaks inside quotes), BOM dropped. */
  private static List<List<String>> csvRows(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    return rows;
  }
}
