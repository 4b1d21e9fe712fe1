package app.parvandeh.intake.internal;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * lines and lines of empty cells are skipped. UTF-16 and Windows-1256 files are read too ({@link
 * #decode}). A file that is not such a table is refused whole; its rows are judged one by one by
 * the caller.
 */
public record CsvTable(List<Map<String, String>> rows, Map<Integer, Refusal> misshapen) {

  /**
   * Why the data row at {@code index} (0-based, as in {@link #rows}) cannot be read as the header
   * says, or null: it has more cells than the header (a separator inside a cell that is not quoted,
   * which moved every cell after it), or one cell only, parted by another separator.
   */
  public Refusal shapeRefusal(int index) {
    return misshapen.get(index);
  }

  /** How many lines above the header a title (a report's name, a date) may take. */
  private static final int TITLE_LINES = 5;

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
      int headerAt = headerLine(records, requiredColumns, otherNames);
      Map<String, Integer> columns = header(records.get(headerAt), requiredColumns, otherNames);
      int width = width(records.get(headerAt));
      List<Map<String, String>> rows = new ArrayList<>();
      Map<Integer, Refusal> misshapen = new HashMap<>();
      for (CSVRecord record : records.subList(headerAt + 1, records.size())) {
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
        Refusal shape = shape(record, width, separator);
        if (shape != null) {
          misshapen.put(rows.size(), shape);
        }
        rows.add(row);
      }
      return new CsvTable(rows, misshapen);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      Matcher line = BROKEN_LINE.matcher(String.valueOf(e.getMessage()));
      String at = line.find() ? line.group(1).replace(",", "") : null;
      throw ParvandehException.badRequest(
          "unreadable-csv",
          "فایل CSV خوانا نیست (نقل‌قول بسته‌نشده یا ساختار نادرست"
              + (at == null ? "" : "، در خط " + PersianText.toPersianDigits(at))
              + "): نقل‌قولی که درون خانه باز شده، باید بسته شود و نقل‌قول درون متن دوتایی («\"\"») نوشته شود.",
          "The CSV file cannot be read (an unclosed quote or a broken structure"
              + (at == null ? "" : ", at line " + at)
              + "): a quote opened in a cell must be closed, and a quote inside the text doubled"
              + " (\"\").");
    }
  }

  /** Where Commons CSV says it stopped: "… at line: 3, position: 12" or "(line 3) …". */
  private static final Pattern BROKEN_LINE = Pattern.compile("line:?\\s*([0-9][0-9,]*)");

  /**
   * The index of the header among the first lines: the first that names every required column. A
   * title above it (a report's name, a date: at most two cells, as a report export puts there) is
   * skipped; a line with more cells that is no header stops the search, since it could be data. If
   * none is found, the first line is judged as the header, so its refusal names what it lacks.
   */
  private static int headerLine(
      List<CSVRecord> records, List<String> required, Map<String, String> otherNames) {
    for (int i = 0; i < Math.min(records.size(), TITLE_LINES + 1); i++) {
      CSVRecord record = records.get(i);
      try {
        header(record, required, otherNames);
        return i;
      } catch (ParvandehException notHeader) {
        if (!"bad-header".equals(notHeader.code()) || filled(record) > 2) {
          break;
        }
      }
    }
    return 0;
  }

  private static long filled(CSVRecord record) {
    return record.stream().filter(cell -> !Cells.clean(cell).isEmpty()).count();
  }

  /** The header's width: up to its last cell that names something. */
  private static int width(CSVRecord header) {
    int width = 0;
    for (int i = 0; i < header.size(); i++) {
      if (!Cells.clean(header.get(i)).isEmpty()) {
        width = i + 1;
      }
    }
    return width;
  }

  private static Refusal shape(CSVRecord record, int width, char separator) {
    for (int i = width; i < record.size(); i++) {
      if (!Cells.clean(record.get(i)).isEmpty()) {
        return new Refusal(
            "row",
            "این ردیف "
                + PersianText.toPersianDigits(String.valueOf(record.size()))
                + " خانه دارد و سطر عنوان "
                + PersianText.toPersianDigits(String.valueOf(width))
                + " ستون: جداکننده‌ای درون خانه‌ای بی‌نقل‌قول («"
                + Cells.clean(record.get(i))
                + "» بیرون از جدول افتاده) همهٔ خانه‌های پس از آن را جابه‌جا کرده است؛ آن خانه را در"
                + " نقل‌قول بگذارید.",
            "The row has "
                + record.size()
                + " cells and the header "
                + width
                + " columns: a separator inside a cell without quotes (\""
                + Cells.clean(record.get(i))
                + "\" fell outside the table) moved every cell after it; quote that cell.");
      }
    }
    if (record.size() == 1 && width > 1) {
      String cell = record.get(0);
      for (char other : SEPARATORS.toCharArray()) {
        if (other != separator && cell.indexOf(other) >= 0) {
          return new Refusal(
              "row",
              "این ردیف با «"
                  + shown(other)
                  + "» جدا شده و سطر عنوان با «"
                  + shown(separator)
                  + "»؛ همهٔ فهرست را با یک جداکننده ذخیره کنید.",
              "This row is parted by \""
                  + shown(other)
                  + "\" and the header by \""
                  + shown(separator)
                  + "\"; save the whole list with one separator.");
        }
      }
    }
    return null;
  }

  private static String shown(char separator) {
    return separator == '\t' ? "Tab" : String.valueOf(separator);
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

  /** What a workbook or another binary file starts with: ZIP (xlsx, ods), OLE2 (xls), PDF. */
  private static final List<byte[]> BINARY_STARTS =
      List.of(
          new byte[] {'P', 'K', 3, 4},
          new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
          new byte[] {'%', 'P', 'D', 'F'});

  private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

  /**
   * The list's text, in whichever encoding a spreadsheet saved it with: UTF-8; UTF-16 (Excel's
   * "Unicode Text"), by its byte-order mark or by the zero byte beside every Latin character; or
   * Windows-1256, what Excel's plain "CSV" gives on a Persian Windows. A file that is almost all
   * UTF-8 but has a few broken sequences is refused, not read as Windows-1256: that would store
   * every Persian name garbled. A workbook or another binary file is refused saying what it is.
   */
  static String decode(byte[] bytes) {
    for (byte[] start : BINARY_STARTS) {
      if (startsWith(bytes, start)) {
        throw ParvandehException.badRequest(
            "not-a-csv",
            "این فایل کارپوشهٔ Excel یا فایلی دودویی است، نه CSV؛ در Excel «ذخیره با نام» و"
                + " سپس «CSV UTF-8» را انتخاب کنید.",
            "The file is an Excel workbook or another binary file, not a CSV; in Excel choose"
                + " Save As, then \"CSV UTF-8\".");
      }
    }
    Charset utf16 = utf16(bytes);
    if (utf16 != null) {
      return strict(bytes, utf16, "UTF-16");
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return strict(bytes, StandardCharsets.UTF_8, "UTF-8");
    }
    Utf8Sequences sequences = Utf8Sequences.of(bytes);
    if (sequences.broken() == 0 || sequences.valid() >= 9 * sequences.broken()) {
      return strict(bytes, StandardCharsets.UTF_8, "UTF-8");
    }
    return strict(bytes, WINDOWS_1256, "Windows-1256");
  }

  private static boolean startsWith(byte[] bytes, byte[] start) {
    return bytes.length >= start.length && Arrays.equals(Arrays.copyOf(bytes, start.length), start);
  }

  /**
   * UTF-16 little- or big-endian by its byte-order mark, or by where the zero bytes stand (no text
   * list holds a NUL, and every Latin character in UTF-16 has one); null if neither. Zero bytes
   * that stand on both sides alike are no text at all.
   */
  private static Charset utf16(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    int even = 0;
    int odd = 0;
    for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
      if (bytes[i] == 0) {
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    if (even + odd == 0) {
      return null;
    }
    // A character such as U+0600 puts its zero on the other side: a few are allowed for.
    if (Math.min(even, odd) * 20 <= Math.max(even, odd)) {
      return odd > even ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }
    throw ParvandehException.badRequest(
        "not-a-csv",
        "این فایل متن نیست (بایت‌های صفر در جای نویسه‌ها)؛ فهرست را در Excel با «CSV UTF-8» ذخیره کنید.",
        "The file is not text (zero bytes among its characters); save the list as \"CSV UTF-8\" in"
            + " Excel.");
  }

  /** The bytes as text in {@code charset}, every byte mapped, or a refusal naming the line. */
  private static String strict(byte[] bytes, Charset charset, String name) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      String line = String.valueOf(lineOfFirstBrokenByte(bytes, charset));
      throw ParvandehException.badRequest(
          "not-utf8",
          "فایل با کدگذاری "
              + name
              + " خوانده شد اما خط "
              + PersianText.toPersianDigits(line)
              + " آن در این کدگذاری درست نیست (فایل بریده یا با دو کدگذاری ذخیره شده است)؛ آن را"
              + " دوباره در Excel با «CSV UTF-8» ذخیره کنید.",
          "The file was read as "
              + name
              + " but its line "
              + line
              + " is not valid in that encoding (a cut file, or one saved in two encodings); save"
              + " it again as \"CSV UTF-8\" in Excel.");
    }
  }

  /** The 1-based line of the first byte {@code charset} cannot decode. */
  private static int lineOfFirstBrokenByte(byte[] bytes, Charset charset) {
    var decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 2);
    decoder.decode(in, out, true);
    out.flip();
    int line = 1;
    while (out.hasRemaining()) {
      if (out.get() == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * How many multi-byte UTF-8 sequences a text holds whole, and how many bytes above ASCII stand
   * outside one. A Windows-1256 Persian text has few whole ones (its letters are mostly followed by
   * other letters, not by continuation bytes); a UTF-8 text cut or patched in places has almost
   * only whole ones.
   */
  private record Utf8Sequences(int valid, int broken) {

    static Utf8Sequences of(byte[] bytes) {
      int valid = 0;
      int broken = 0;
      int i = 0;
      while (i < bytes.length) {
        int b = bytes[i] & 0xFF;
        int length =
            b < 0x80
                ? 1
                : b >= 0xC2 && b <= 0xDF
                    ? 2
                    : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 1) {
          i++;
          continue;
        }
        boolean whole = length > 0 && i + length <= bytes.length;
        for (int k = 1; whole && k < length; k++) {
          whole = (bytes[i + k] & 0xC0) == 0x80;
        }
        if (whole) {
          valid++;
          i += length;
        } else {
          broken++;
          i++;
        }
      }
      return new Utf8Sequences(valid, broken);
    }
  }
}
