package app.parvandeh.intake.web;

import app.parvandeh.intake.MissingDocumentsReport;
import app.parvandeh.intake.MissingDocumentsReport.Line;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FileScope;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The missing-documents report per faculty: faculty clerks see their own faculty, central units
 * every faculty.
 */
@RestController
class MissingDocumentsController {

  private final MissingDocumentsReport report;
  private final FileAccessPolicy access;

  MissingDocumentsController(MissingDocumentsReport report, FileAccessPolicy access) {
    this.report = report;
    this.access = access;
  }

  @GetMapping("/api/reports/missing-documents")
  List<Line> json(@RequestParam(required = false) String faculty, Authentication authentication) {
    return report.lines(faculty, visible(authentication));
  }

  @GetMapping("/api/reports/missing-documents.csv")
  ResponseEntity<byte[]> csv(
      @RequestParam(required = false) String faculty, Authentication authentication) {
    byte[] body = report.csv(report.lines(faculty, visible(authentication)));
    boolean named = faculty != null && faculty.matches("[a-z0-9_-]{1,40}");
    return CohortController.csv(body, "missing-documents" + (named ? "-" + faculty : "") + ".csv");
  }

  /**
   * The graduates office sees cleared files only, so a list across files is not theirs; students
   * see none.
   */
  private FileScope visible(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    FileScope scope = access.scope(user);
    if (user.isStudent() || scope.clearedFiles()) {
      throw ParvandehException.forbidden(
          "گزارش مدارک ناقص ویژه کارشناسان دانشکده و واحدهای ستادی است.",
          "The missing-documents report is for faculty clerks and the central units.");
    }
    return scope;
  }
}
