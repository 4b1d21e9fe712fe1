package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.note.report.NotesReport.NoteLine;
import app.parvandeh.note.report.NotesReport.StudentInfo;
import app.parvandeh.note.report.NotesReport.StudentNotes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The streamed CSV: the same bytes as the whole report written at once, and a broken-off one says
 * so at its end.
 */
class NotesReportCsvStreamTests {

  private static final Function<Long, String> LINK =
      id -> "https://host/api/documents/versions/" + id + "/content";

  static StudentNotes student(String number, int notes) {
    StudentInfo info =
        new StudentInfo(
            number, "دانشجو " + number, "فنی", "کارشناسی", 1402, "در حال تحصیل", "پرونده باز");
    List<NoteLine> lines =
        java.util.stream.IntStream.range(0, notes)
            .mapToObj(
                i ->
                    new NoteLine(
                        (long) i,
                        "GENERAL",
                        "عمومی",
                        "10730",
                        "متن " + i,
                        "clerk",
                        "کارمند",
                        "۱۴۰۵/۰۱/۰۱ ۱۰:۰۰",
                        List.of()))
            .toList();
    return new StudentNotes(info, lines);
  }

  @Test
  void streamedPartsMakeTheSameFileAsTheWholeReport() {
    NotesReport report =
        new NotesReport(
            "now",
            new NotesReport.Filters(null, "eng", "فنی", null, null),
            List.of(student("1", 2), student("2", 3)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NotesReportCsv.stream(
        out,
        LINK,
        part -> {
          report.students().forEach(part);
          return null;
        });
    assertThat(out.toByteArray()).isEqualTo(NotesReportCsv.write(report, LINK));
  }

  @Test
  void aReportThatBreaksOffMidwayEndsWithTheIncompleteRow() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                NotesReportCsv.stream(
                    out,
                    LINK,
                    part -> {
                      part.accept(student("1", 2));
                      throw new IllegalStateException("the database went away");
                    }))
        .hasMessage("the database went away");

    String text = new String(out.toByteArray(), 3, out.size() - 3, StandardCharsets.UTF_8);
    List<CSVRecord> rows =
        CSVFormat.EXCEL
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))
            .getRecords();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get(0)).isEqualTo("1");
    assertThat(rows.get(2).get(0))
        .isEqualTo(NotesReportCsv.INCOMPLETE)
        .contains("REPORT INCOMPLETE");
  }
}
