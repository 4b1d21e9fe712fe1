package app.parvandeh.preservation;

import app.parvandeh.audit.AuditLog.AuditView;
import app.parvandeh.preservation.FileManifest.ExportedAddress;
import app.parvandeh.preservation.FileManifest.ExportedNote;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code notes.csv} and {@code audit.csv} of an export: UTF-8 with a byte-order mark so Excel shows
 * Persian, Persian headers, times both ISO-8601 (UTC) and Solar Hijri, and cells that would start a
 * formula defused.
 */
final class ExportCsv {

  static final List<String> AUDIT_HEADERS =
      List.of(
          "شناسه",
          "زمان (ISO)",
          "زمان (شمسی)",
          "کاربر",
          "عملیات",
          "شناسه مدرک",
          "شرح",
          "نشانی رایانه");

  static final List<String> NOTE_HEADERS =
      List.of(
          "شناسه یادداشت",
          "زمان (ISO)",
          "زمان (شمسی)",
          "نوع یادداشت",
          "صفحه گلستان",
          "نویسنده",
          "متن یادداشت",
          "نشانی",
          "عنوان نشانی",
          "شناسه نسخه مدرک",
          "مسیر در بسته");

  private ExportCsv() {}

  static void writeAudit(Path file, List<AuditView> entries) throws IOException {
    List<List<String>> rows =
        entries.stream()
            .map(
                e ->
                    List.of(
                        String.valueOf(e.id()),
                        iso(e.occurredAt()),
                        text(e.occurredAtJalali()),
                        text(e.actor()),
                        e.action().name(),
                        text(e.documentId()),
                        text(e.details()),
                        text(e.remoteAddress())))
            .toList();
    write(file, AUDIT_HEADERS, rows);
  }

  static void writeNotes(Path file, List<ExportedNote> notes) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (ExportedNote n : notes) {
      List<String> note =
          List.of(
              String.valueOf(n.id()),
              iso(n.createdAt()),
              text(n.createdAtJalali()),
              text(n.kindLabel()),
              text(n.golestanScreen()),
              text(n.author()),
              text(n.body()));
      if (n.addresses().isEmpty()) {
        rows.add(Stream.concat(note.stream(), Stream.of("", "", "", "")).toList());
      }
      for (ExportedAddress a : n.addresses()) {
        rows.add(
            Stream.concat(
                    note.stream(),
                    Stream.of(
                        text(a.address()),
                        text(a.label()),
                        text(a.documentVersionId()),
                        text(a.path())))
                .toList());
      }
    }
    write(file, NOTE_HEADERS, rows);
  }

  private static void write(Path file, List<String> headers, List<List<String>> rows)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVPrinter csv =
              CSVFormat.EXCEL
                  .builder()
                  .setHeader(headers.toArray(String[]::new))
                  .get()
                  .print(writer)) {
        for (List<String> row : rows) {
          csv.printRecord(row.stream().map(ExportCsv::defuse).toList());
        }
      }
    }
  }

  /** A cell starting like a formula would run in Excel: a leading apostrophe keeps it text. */
  static String defuse(String cell) {
    if (cell.isEmpty()) {
      return cell;
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

  private static String iso(java.time.Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
