package app.parvandeh.intake;

import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builds cohort lists the way Golestan or a clerk's spreadsheet writes them, and uploads them. */
final class CohortList {

  static final String HEADER =
      "student_number,national_id,first_name,last_name,father_name,faculty_code,"
          + "degree_level,program,entry_year,admission_type,brilliant_talent";

  static final List<String> HEADER_COLUMNS = List.of(HEADER.split(","));

  private final List<Map<String, String>> rows = new ArrayList<>();
  private String lineEnd = "\n";
  private boolean bom;

  static CohortList create() {
    return new CohortList();
  }

  CohortList crlf() {
    lineEnd = "\r\n";
    return this;
  }

  CohortList bom() {
    bom = true;
    return this;
  }

  /** A valid row for a fresh student; change cells with {@link #set}. */
  CohortList row() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("student_number", freshNumber());
    row.put("national_id", TestStudents.nationalId());
    row.put("first_name", "مریم");
    row.put("last_name", "رضایی");
    row.put("father_name", "علی");
    row.put("faculty_code", "engineering");
    row.put("degree_level", "کارشناسی");
    row.put("program", "مهندسی کامپیوتر");
    row.put("entry_year", "1403");
    row.put("admission_type", "سراسری");
    row.put("brilliant_talent", "false");
    rows.add(row);
    return this;
  }

  CohortList set(String column, String value) {
    rows.get(rows.size() - 1).put(column, value);
    return this;
  }

  String get(int index, String column) {
    return rows.get(index).get(column);
  }

  Map<String, String> rowAt(int index) {
    return rows.get(index);
  }

  CohortList copyRow(Map<String, String> row) {
    rows.add(new LinkedHashMap<>(row));
    return this;
  }

  /**
   * From a random start, then one after another: never the same number twice in a run (no chance
   * collisions).
   */
  private static final java.util.concurrent.atomic.AtomicInteger NEXT =
      new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(4_000_000));

  static String freshNumber() {
    return "403" + (1_000_000 + NEXT.getAndIncrement() % 9_000_000);
  }

  byte[] bytes() {
    StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "").append(HEADER).append(lineEnd);
    for (Map<String, String> row : rows) {
      List<String> cells = HEADER_COLUMNS.stream().map(c -> quoted(row.get(c))).toList();
      csv.append(String.join(",", cells)).append(lineEnd);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String cell) {
    return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
        ? "\"" + cell.replace("\"", "\"\"") + "\""
        : cell;
  }

  static Response upload(ApiClient api, byte[] csv) {
    return api.multipart(
        "/api/intake/cohorts",
        Map.of(),
        "file",
        new FilePart(null, "cohort-1403.csv", "text/csv", csv));
  }

  /** Uploads and waits for the background import to finish; the answer is the finished import. */
  static JsonNode importAndWait(ApiClient api, byte[] csv) {
    Response started = upload(api, csv);
    if (started.status() != 202) {
      throw new AssertionError("import refused: " + started);
    }
    return waitUntilDone(api, started.json().path("id").asLong());
  }

  static JsonNode waitUntilDone(ApiClient api, long id) {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = api.get("/api/intake/cohorts/" + id + "?rows=false").json();
      if (status.path("status").asText().equals("DONE")) {
        return api.get("/api/intake/cohorts/" + id).json();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("import " + id + " did not finish within five minutes");
  }
}
