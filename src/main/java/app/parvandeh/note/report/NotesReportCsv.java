package app.parvandeh.note.report;

import app.parvandeh.note.report.NotesReport.AddressLine;
import app.parvandeh.note.report.NotesReport.NoteLine;
import app.parvandeh.note.report.NotesReport.StudentInfo;
import app.parvandeh.note.report.NotesReport.StudentNotes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Report 112 as CSV for Excel: UTF-8 with a byte-order mark (else Excel shows Persian as mojibake),
 * Persian headers, one row per note address (or per note without addresses).
 */
public final class NotesReportCsv {

  /** The column headers, in order. */
  public static final List<String> HEADERS =
      List.of(
          "شماره دانشجویی",
          "نام و نام خانوادگی",
          "دانشکده",
          "مقطع",
          "سال ورود",
          "وضعیت",
          "مرحله پرونده",
          "شناسه یادداشت",
          "زمان ثبت",
          "نوع یادداشت",
          "صفحه گلستان",
          "نویسنده",
          "متن یادداشت",
          "نوع نشانی",
          "نشانی",
          "عنوان نشانی",
          "نوع مدرک",
          "نام فایل",
          "پیوند مدرک");

  private NotesReportCsv() {}

  /**
   * The last row of a report whose reading broke off midway, in the first column, so that a file
   * saved from a broken download never passes for the whole report.
   */
  public static final String INCOMPLETE =
      "گزارش ناقص است: ساختن آن در میانه کار قطع شد؛ دوباره آن را بگیرید."
          + " / REPORT INCOMPLETE: it broke off midway; take it again.";

  /**
   * The CSV bytes; {@code documentLink} gives a version's absolute address (the web layer's), so it
   * opens.
   */
  public static byte[] write(NotesReport report, Function<Long, String> documentLink) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    stream(
        out,
        documentLink,
        part -> {
          report.students().forEach(part);
          return null;
        });
    return out.toByteArray();
  }

  /**
   * Writes the CSV to {@code out} as {@code source} hands it the report's students (the BOM and
   * header first, each student's rows as they come), so no more of the report is in memory than the
   * source holds. When the source fails, the rows so far are followed by the {@link #INCOMPLETE}
   * row and the failure is rethrown.
   */
  public static <T> T stream(
      OutputStream out,
      Function<Long, String> documentLink,
      Function<Consumer<StudentNotes>, T> source) {
    try {
      out.write(BOM);
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv =
          CSVFormat.EXCEL.builder().setHeader(HEADERS.toArray(String[]::new)).get().print(writer);
      T result;
      try {
        result = source.apply(studentNotes -> print(csv, studentNotes, documentLink));
      } catch (RuntimeException e) {
        if (!(e instanceof UncheckedIOException)) {
          csv.printRecord(INCOMPLETE);
          csv.flush();
        }
        throw e;
      }
      csv.flush();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static void print(
      CSVPrinter csv, StudentNotes studentNotes, Function<Long, String> documentLink) {
    try {
      for (NoteLine note : studentNotes.notes()) {
        if (note.addresses().isEmpty()) {
          csv.printRecord(row(studentNotes.student(), note, null, documentLink));
        }
        for (AddressLine address : note.addresses()) {
          csv.printRecord(row(studentNotes.student(), note, address, documentLink));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> row(
      StudentInfo s, NoteLine n, AddressLine a, Function<Long, String> documentLink) {
    List<String> row =
        new ArrayList<>(
            List.of(
                s.studentNumber(),
                s.fullName(),
                s.facultyName(),
                s.degreeLabel(),
                String.valueOf(s.entryYear()),
                s.statusLabel(),
                s.stageLabel(),
                String.valueOf(n.id()),
                n.createdAtJalali(),
                n.kindLabel(),
                n.golestanScreen(),
                n.author(),
                n.body()));
    if (a == null) {
      row.addAll(List.of("", "", "", "", "", ""));
    } else {
      row.addAll(
          List.of(
              a.kindLabelFa(),
              a.address(),
              a.label(),
              nullToEmpty(a.documentTypeName()),
              nullToEmpty(a.fileName()),
              a.opensDocument() ? documentLink.apply(a.documentVersionId()) : ""));
    }
    return row.stream().map(NotesReportCsv::defuse).toList();
  }

  /** A cell starting like a formula would run in Excel: a leading apostrophe keeps it text. */
  static String defuse(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
