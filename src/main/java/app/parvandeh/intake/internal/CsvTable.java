package app.parvandeh.intake.internal;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV list as spreadsheets and Golestan export it: UTF-8 with or without a byte-order mark, CRLF
 * or LF, a header row naming the columns (in any order, any case, its cells tidied like any other:
 * no-break spaces, direction marks, byte-order marks); empty lines and lines of empty cells are
 * skipped. A file that is not such a table (another encoding included) is refused whole; its rows
 * are judged one by one by the caller.
 */
public record CsvTable(List<Map<String, String>> rows) {

  /**
   * Reads the table; every required column must be in the header, once, other columns are ignored.
   */
  public static CsvTable read(byte[] bytes, List<String> requiredColumns, int maxRows) {
    String text = decode(bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw ParvandehException.badRequest(
          "empty-list", "فایل فهرست خالی است.", "The list is empty.");
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<CSVRecord> records = parser.getRecords();
      Map<String, Integer> columns = header(records.get(0), requiredColumns);
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord record : records.subList(1, records.size())) {
        // A spreadsheet saves the empty rows below a table as lines of commas: no data, so no row.
        if (record.stream().allMatch(cell -> Cells.clean(cell).isEmpty())) {
          continue;
        }
        // Only data rows count toward the cap, not the empty lines skipped above.
        if (rows.size() == maxRows) {
          throw ParvandehException.badRequest(
              "too-many-rows",
              "فهرست بیش از "
                  + PersianText.toPersianDigits(String.valueOf(maxRows))
                  + " ردیف دارد؛ آن را در چند فایل بفرستید.",
              "The list has more than " + maxRows + " rows; send it in several files.");
        }
        Map<String, String> row = new HashMap<>();
        columns.forEach(
            (name, index) -> row.put(name, index < record.size() ? record.get(index) : ""));
        rows.add(row);
      }
      return new CsvTable(rows);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw ParvandehException.badRequest(
          "unreadable-csv",
          "فایل CSV خوانا نیست (نقل‌قول بسته‌نشده یا ساختار نادرست).",
          "The CSV file cannot be read (an unclosed quote or a broken structure).");
    }
  }

  /**
   * UTF-16 by its byte-order mark, or by the zero bytes every Latin character has in it (no text
   * list holds a NUL): without this, a UTF-16 list of Latin text would pass as UTF-8 and be read as
   * garbage.
   */
  private static boolean utf16(byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
            || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
      return true;
    }
    for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Integer> header(CSVRecord header, List<String> required) {
    Map<String, Integer> found = new HashMap<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = Cells.clean(header.get(i)).toLowerCase(Locale.ROOT);
      if (found.putIfAbsent(name, i) != null
          && required.contains(name)
          && !repeated.contains(name)) {
        repeated.add(name);
      }
    }
    if (!repeated.isEmpty()) {
      // Which of the two cells is meant cannot be told; taking the first would import the wrong
      // one.
      throw ParvandehException.badRequest(
          "repeated-column",
          "سطر عنوان فایل این ستون‌ها را بیش از یک بار دارد: "
              + String.join("، ", repeated)
              + ". هر ستون را یک بار بیاورید.",
          "The header row has the columns "
              + String.join(", ", repeated)
              + " more than once. Give each column once.");
    }
    List<String> missing = required.stream().filter(c -> !found.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw ParvandehException.badRequest(
          "bad-header",
          "سطر عنوان فایل این ستون‌ها را ندارد: "
              + String.join("، ", missing)
              + ". سطر عنوان لازم: "
              + String.join(",", required),
          "The header row lacks the columns "
              + String.join(", ", missing)
              + ". Expected header: "
              + String.join(",", required));
    }
    Map<String, Integer> columns = new HashMap<>();
    required.forEach(c -> columns.put(c, found.get(c)));
    return columns;
  }

  private static String decode(byte[] bytes) {
    if (utf16(bytes)) {
      throw ParvandehException.badRequest(
          "not-utf8",
          "فایل با کدگذاری UTF-16 («Unicode Text» در Excel) ذخیره شده است؛ آن را «CSV UTF-8» ذخیره کنید.",
          "The file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; save it as \"CSV UTF-8\".");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ParvandehException.badRequest(
          "not-utf8",
          "فایل با کدگذاری UTF-8 ذخیره نشده است؛ در Excel «CSV UTF-8» را انتخاب کنید.",
          "The file is not UTF-8; save it as \"CSV UTF-8\".");
    }
  }
}
