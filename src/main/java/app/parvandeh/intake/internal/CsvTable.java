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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV list as spreadsheets and Golestan export it: UTF-8 with or without a byte-order mark, CRLF
 * or LF, cells parted by commas or by whatever the header row is parted by (a semicolon, a tab, the
 * Persian semicolon or comma, as a spreadsheet in another locale saves it; Excel's {@code sep=}
 * first line is obeyed), a header row naming the columns (in any order, any case, its cells tidied
 * like any other: no-break spaces, direction marks, byte-order marks; spaces, hyphens and
 * underscores alike; or a name the caller gives for the column, e.g. its Persian title); empty
 * lines and lines of empty cells are skipped. A file that is not such a table (another encoding
 * included) is refused whole; its rows are judged one by one by the caller.
 */
public record CsvTable(List<Map<String, String>> rows) {

  /** Cell separators a spreadsheet may save a list with; the header row tells which one it used. */
  private static final String SEPARATORS = ",;\t\u061B\u060C";

  /**
   * Reads the table; every required column must be in the header, once, other columns are ignored.
   */
  public static CsvTable read(byte[] bytes, List<String> requiredColumns, int maxRows) {
    return read(bytes, requiredColumns, Map.of(), maxRows);
  }

  /**
   * Reads the table as {@link #read(byte[], List, int)} does; a header cell that is one of {@code
   * otherNames}' keys (compared as {@link PersianText#compact} folds it) names the column it maps
   * to.
   */
  public static CsvTable read(
      byte[] bytes, List<String> requiredColumns, Map<String, String> otherNames, int maxRows) {
    String text = decode(bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw ParvandehException.badRequest(
          "empty-list", "فایل فهرست خالی است.", "The list is empty.");
    }
    Matcher sep = EXCEL_SEPARATOR_LINE.matcher(text);
    char separator;
    if (sep.lookingAt()) {
      separator = sep.group(1).charAt(0);
      text = text.substring(sep.end());
    } else {
      separator = separatorOf(text);
    }
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        throw ParvandehException.badRequest(
            "empty-list", "فایل فهرست خالی است.", "The list is empty.");
      }
      Map<String, Integer> columns = header(records.get(0), requiredColumns, otherNames);
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

  /** Excel's first line naming the separator of the lines below it, e.g. {@code sep=;}. */
  private static final Pattern EXCEL_SEPARATOR_LINE =
      Pattern.compile("[ \\t]*sep=([,;\\t\u061B\u060C|])[ \\t]*\\r?\\n", Pattern.CASE_INSENSITIVE);

  /**
   * The separator the header row (the first line that is not blank) uses most, outside quotes; a
   * comma if it uses none.
   */
  private static char separatorOf(String text) {
    int[] counts = new int[SEPARATORS.length()];
    boolean quoted = false;
    boolean seen = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (seen) {
          break;
        }
      } else if (!quoted && SEPARATORS.indexOf(c) >= 0) {
        counts[SEPARATORS.indexOf(c)]++;
        seen = true;
      } else if (!Character.isWhitespace(c)) {
        seen = true;
      }
    }
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return SEPARATORS.charAt(best);
  }

  /** A header cell as it is compared: folded, and spaces, hyphens and underscores alike dropped. */
  private static String headerKey(String cell) {
    return PersianText.compact(cell).replace("_", "").replace("-", "");
  }

  private static Map<String, Integer> header(
      CSVRecord header, List<String> required, Map<String, String> otherNames) {
    Map<String, String> names = new HashMap<>();
    required.forEach(c -> names.put(headerKey(c), c));
    otherNames.forEach((alias, c) -> names.put(headerKey(alias), c));
    Map<String, Integer> found = new HashMap<>();
    Map<String, List<String>> cellsOf = new LinkedHashMap<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String cell = Cells.clean(header.get(i));
      String name = names.getOrDefault(headerKey(cell), cell.toLowerCase(Locale.ROOT));
      cellsOf.computeIfAbsent(name, n -> new ArrayList<>()).add(cell);
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
              + repeated.stream()
                  .map(c -> c + " (" + String.join("، ", quotedFa(cellsOf.get(c))) + ")")
                  .collect(Collectors.joining("، "))
              + ". هر ستون را یک بار بیاورید.",
          "The header row has the columns "
              + repeated.stream()
                  .map(c -> c + " (" + String.join(", ", cellsOf.get(c)) + ")")
                  .collect(Collectors.joining(", "))
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

  private static List<String> quotedFa(List<String> cells) {
    return cells.stream().map(c -> "«" + c + "»").toList();
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
