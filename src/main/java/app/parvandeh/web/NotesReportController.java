package app.parvandeh.web;

import app.parvandeh.note.report.NotesReport;
import app.parvandeh.note.report.NotesReportCsv;
import app.parvandeh.note.report.NotesReportPdf;
import app.parvandeh.note.report.NotesReportService;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.signing.OfficeSignatures;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Report 112 (notes about the student): JSON for pages and forms, CSV for Excel, PDF for printing (signed by the
 * office, PAdES). Each answer is an export and recorded in the audit trail.
 */
@RestController
class NotesReportController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final NotesReportService reports;
  private final OfficeSignatures signatures;

  NotesReportController(NotesReportService reports, OfficeSignatures signatures) {
    this.reports = reports;
    this.signatures = signatures;
  }

  @GetMapping("/api/reports/notes")
  ResponseEntity<?> notes(@RequestParam(required = false) String studentNumber,
      @RequestParam(required = false) String faculty, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format,
      Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    String kind = format.strip().toLowerCase(java.util.Locale.ROOT);
    if (!kind.equals("json") && !kind.equals("csv") && !kind.equals("pdf")) {
      throw ParvandehException.badRequest("unknown-format", "قالب گزارش باید json، csv یا pdf باشد.",
          "The report format must be json, csv or pdf.");
    }
    NotesReport report = reports.report(user, studentNumber, faculty, from, to);
    reports.recordExport(user, report, kind);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Function<Long, String> documentLink = versionId -> base + ApiLinks.versionContent(versionId);
    return switch (kind) {
      case "csv" -> download(NotesReportCsv.write(report, documentLink), CSV, fileName(report, "csv"));
      case "pdf" -> download(signatures.signPdf(NotesReportPdf.write(report, documentLink), NotesReportPdf.TITLE),
          MediaType.APPLICATION_PDF, fileName(report, "pdf"));
      default -> ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(report);
    };
  }

  /** The faculties the report page's filter offers this user. */
  @GetMapping("/api/reports/notes/faculties")
  java.util.List<NotesReportService.FacultyOption> faculties(Authentication authentication) {
    return reports.faculties(CurrentUser.of(authentication));
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok().contentType(type)
        .headers(DocumentHeaders.of(type.toString(), fileName))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }

  /** ASCII only (a plain {@code filename=}), e.g. {@code report-112-notes-4021100001.csv}, {@code report-112-notes-engineering-14050101-14050930.pdf}. */
  static String fileName(NotesReport report, String extension) {
    NotesReport.Filters f = report.filters();
    StringBuilder name = new StringBuilder("report-112-notes");
    if (f.studentNumber() != null) {
      name.append('-').append(f.studentNumber());
    }
    if (f.faculty() != null) {
      name.append('-').append(f.faculty().replaceAll("[^A-Za-z0-9_-]", ""));
    }
    if (f.from() != null || f.to() != null) {
      name.append('-').append(f.from() == null ? "" : digits(f.from())).append('-')
          .append(f.to() == null ? "" : digits(f.to()));
    }
    return name.append('.').append(extension).toString();
  }

  private static String digits(String jalali) {
    return app.parvandeh.shared.PersianText.digits(jalali);
  }
}
