package app.parvandeh.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV report clerks open in Excel: UTF-8 with a byte-order mark (else Excel shows Persian as
 * mojibake), one header row, and every cell that would start a formula defused with a leading
 * apostrophe.
 */
public final class SpreadsheetCsv {

  private SpreadsheetCsv() {}

  public static byte[] write(List<String> headers, Iterable<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xEF);
    out.write(0xBB);
    out.write(0xBF);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv =
            CSVFormat.EXCEL
                .builder()
                .setHeader(headers.toArray(String[]::new))
                .get()
                .print(writer)) {
      for (List<String> row : rows) {
        csv.printRecord(row.stream().map(SpreadsheetCsv::defuse).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A cell starting like a formula would run in a spreadsheet: a leading apostrophe keeps it text.
   */
  public static String defuse(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return startsLikeFormula(cell) || first == '\t' || first == '\r' ? "'" + cell : cell;
  }

  /** Whether a spreadsheet would read the text as a formula: it starts with = + - or @. */
  public static boolean startsLikeFormula(String text) {
    return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
  }
}
