package app.parvandeh.web;

import app.parvandeh.note.report.NotesReport;
import app.parvandeh.note.report.NotesReportCsv;
import app.parvandeh.note.report.NotesReportPdf;
import app.parvandeh.note.report.NotesReportService;
import app.parvandeh.note.report.NotesReportService.ReportRequest;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.shared.DocumentHeaders;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.signing.OfficeSignatures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Report 112 (notes about the student): JSON for pages and forms, CSV for Excel, PDF for printing
 * (signed by the office, PAdES). Each answer is an export and recorded in the audit trail.
 */
@RestController
class NotesReportController {

  private static final Logger log = LoggerFactory.getLogger(NotesReportController.class);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final NotesReportService reports;
  private final OfficeSignatures signatures;

  NotesReportController(NotesReportService reports, OfficeSignatures signatures) {
    this.reports = reports;
    this.signatures = signatures;
  }

  @GetMapping("/api/reports/notes")
  ResponseEntity<?> notes(
      @RequestParam(required = false) String studentNumber,
      @RequestParam(required = false) String faculty,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "json") String format,
      Authentication authentication,
      HttpServletResponse response) {
    CurrentUser user = CurrentUser.of(authentication);
    String kind = format.strip().toLowerCase(java.util.Locale.ROOT);
    if (!kind.equals("json") && !kind.equals("csv") && !kind.equals("pdf")) {
      throw ParvandehException.badRequest(
          "unknown-format",
          "قالب گزارش باید json، csv یا pdf باشد.",
          "The report format must be json, csv or pdf.");
    }
    // Every refusal (filters, access) is decided here, while the status can still say so.
    ReportRequest request = reports.check(user, studentNumber, faculty, from, to);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Function<Long, String> documentLink = versionId -> base + ApiLinks.versionContent(versionId);
    if (kind.equals("csv")) {
      streamCsv(user, request, documentLink, response);
      return null;
    }
    NotesReport report = reports.report(request);
    reports.recordExport(user, report, kind);
    return switch (kind) {
      case "pdf" ->
          download(
              signatures.signPdf(NotesReportPdf.write(report, documentLink), NotesReportPdf.TITLE),
              MediaType.APPLICATION_PDF,
              fileName(report.filters(), "pdf"));
      default ->
          ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(report);
    };
  }

  /**
   * The CSV written to the response as it is read, a page of students at a time, so a whole faculty
   * never sits in memory. The status (200) goes out with the first bytes; a failure after that can
   * only be told in the file, so its last row is then {@link NotesReportCsv#INCOMPLETE}, and the
   * audit entry says the download broke off.
   */
  private void streamCsv(
      CurrentUser user,
      ReportRequest request,
      Function<Long, String> documentLink,
      HttpServletResponse response) {
    response.setStatus(200);
    response.setContentType(CSV.toString());
    DocumentHeaders.apply(response, CSV.toString(), fileName(request.filters(), "csv"));
    response.setHeader(
        HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
    // What went out so far, for the audit entry should the download break off (a student's notes
    // may come in parts).
    String[] lastStudent = {null};
    int[] sofar = {0, 0};
    try {
      NotesReportService.Totals totals =
          NotesReportCsv.stream(
              response.getOutputStream(),
              documentLink,
              out ->
                  reports.stream(
                      request,
                      part -> {
                        out.accept(part);
                        if (!part.student().studentNumber().equals(lastStudent[0])) {
                          sofar[0]++;
                          lastStudent[0] = part.student().studentNumber();
                        }
                        sofar[1] += part.notes().size();
                      }));
      reports.recordExport(user, request.filters(), totals, "csv", true);
    } catch (IOException | RuntimeException e) {
      log.warn("Report 112 (CSV) broke off after {} students, {} notes", sofar[0], sofar[1], e);
      reports.recordExport(
          user, request.filters(), new NotesReportService.Totals(sofar[0], sofar[1]), "csv", false);
    }
  }

  /** The faculties the report page's filter offers this user. */
  @GetMapping("/api/reports/notes/faculties")
  java.util.List<NotesReportService.FacultyOption> faculties(Authentication authentication) {
    return reports.faculties(CurrentUser.of(authentication));
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .headers(DocumentHeaders.of(type.toString(), fileName))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }

  /**
   * ASCII only (a plain {@code filename=}), e.g. {@code report-112-notes-4021100001.csv}, {@code
   * report-112-notes-engineering-14050101-14050930.pdf}.
   */
  static String fileName(NotesReport.Filters f, String extension) {
    StringBuilder name = new StringBuilder("report-112-notes");
    if (f.studentNumber() != null) {
      name.append('-').append(f.studentNumber());
    }
    if (f.faculty() != null) {
      name.append('-').append(f.faculty().replaceAll("[^A-Za-z0-9_-]", ""));
    }
    if (f.from() != null || f.to() != null) {
      name.append('-')
          .append(f.from() == null ? "" : digits(f.from()))
          .append('-')
          .append(f.to() == null ? "" : digits(f.to()));
    }
    return name.append('.').append(extension).toString();
  }

  private static String digits(String jalali) {
    return app.parvandeh.shared.PersianText.digits(jalali);
  }
}
