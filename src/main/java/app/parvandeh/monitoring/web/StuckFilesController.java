package app.parvandeh.monitoring.web;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.monitoring.StuckFiles;
import app.parvandeh.monitoring.StuckFiles.Page;
import app.parvandeh.monitoring.StuckFiles.Report;
import app.parvandeh.monitoring.StuckFiles.StuckFile;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.SpreadsheetCsv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stuck-files report for managers: JSON for the page, CSV for a spreadsheet. */
@RestController
class StuckFilesController {

  private static final List<String> HEADER =
      List.of(
          "شماره دانشجویی",
          "نام",
          "دانشکده",
          "مرحله",
          "شناسه مرحله",
          "علت",
          "از تاریخ",
          "سن (روز)",
          "مهلت",
          "پیام خطا");

  private final StuckFiles stuckFiles;
  private final AuditLog audit;

  StuckFilesController(StuckFiles stuckFiles, AuditLog audit) {
    this.stuckFiles = stuckFiles;
    this.audit = audit;
  }

  /**
   * A page of the report, {@value #DEFAULT_SIZE} files unless asked, at most {@value #MAX_SIZE}.
   */
  static final int DEFAULT_SIZE = 50;

  static final int MAX_SIZE = 200;

  /**
   * One page (from 0) of the stuck files, oldest first, with the total and the counts of all; the
   * whole report is the CSV.
   */
  @GetMapping("/api/reports/stuck")
  Page report(
      @RequestParam(required = false) Integer idleDays,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Authentication authentication) {
    checkManager(authentication);
    if (page != null && (page < 0 || page > 1_000_000)) {
      throw ParvandehException.badRequest(
          "invalid-page",
          "شماره صفحه باید عددی از ۰ تا ۱۰۰۰۰۰۰ باشد.",
          "page must be a number from 0 to 1000000.");
    }
    if (size != null && (size < 1 || size > MAX_SIZE)) {
      throw ParvandehException.badRequest(
          "invalid-page-size",
          "اندازه صفحه باید بین ۱ و ۲۰۰ باشد.",
          "size must be between 1 and " + MAX_SIZE + ".");
    }
    return stuckFiles.page(
        idleDays(idleDays), page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  @GetMapping("/api/reports/stuck.csv")
  ResponseEntity<byte[]> csv(
      @RequestParam(required = false) Integer idleDays, Authentication authentication) {
    CurrentUser user = checkManager(authentication);
    Report report = stuckFiles.report(idleDays(idleDays));
    StringBuilder csv = new StringBuilder("\uFEFF").append(line(HEADER));
    for (StuckFile f : report.files()) {
      csv.append(
          line(
              List.of(
                  f.studentNumber(),
                  f.studentName(),
                  f.facultyName(),
                  f.stepName(),
                  f.stepId(),
                  String.join(" ", f.reasons()),
                  JalaliDates.dateTime(f.since()),
                  String.valueOf(f.ageDays()),
                  f.due() == null ? "" : JalaliDates.dateTime(f.due()),
                  f.incidentMessage() == null ? "" : f.incidentMessage())));
    }
    audit.read(
        user.id(),
        AuditAction.REPORT_EXPORTED,
        null,
        null,
        "stuck files CSV, idle days " + report.idleDays() + ", " + report.files().size() + " rows");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stuck-files.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private int idleDays(Integer requested) {
    if (requested != null && (requested < 1 || requested > 3650)) {
      throw ParvandehException.badRequest(
          "invalid-idle-days",
          "تعداد روز بدون پیشرفت باید بین ۱ و ۳۶۵۰ باشد.",
          "idleDays must be between 1 and 3650.");
    }
    return requested == null ? stuckFiles.defaultIdleDays() : requested;
  }

  private static CurrentUser checkManager(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.groups().contains(Groups.MANAGERS)) {
      throw ParvandehException.forbidden(
          "گزارش پرونده‌های معطل ویژه مدیران است.", "The stuck-files report is for managers.");
    }
    return user;
  }

  /**
   * One CSV record; a cell that could start a formula is prefixed so spreadsheets show it as text.
   */
  private static String line(List<String> cells) {
    return cells.stream()
            .map(
                c -> {
                  String v = c == null ? "" : c;
                  if (SpreadsheetCsv.startsLikeFormula(v)) {
                    v = "'" + v;
                  }
                  return "\"" + v.replace("\"", "\"\"") + "\"";
                })
            .collect(Collectors.joining(","))
        + "\r\n";
  }
}
