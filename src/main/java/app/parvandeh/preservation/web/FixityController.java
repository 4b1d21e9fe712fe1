package app.parvandeh.preservation.web;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ContentCopies.BacklogStatus;
import app.parvandeh.preservation.FixityAudit;
import app.parvandeh.preservation.FixityFindings;
import app.parvandeh.preservation.FixityFindings.Finding;
import app.parvandeh.preservation.FixityRuns;
import app.parvandeh.preservation.FixityRuns.Run;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.ParvandehException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fixity audit for managers and the central records office: start a run (whole archive or one
 * student's file), see runs, findings, findings made by reads, and the replica's backlog. Managers
 * may start a run although they are otherwise read-only: an audit changes no file (a repair only
 * puts back the recorded bytes).
 */
@RestController
class FixityController {

  static final Set<String> AUDITORS = Set.of(Groups.MANAGERS, Groups.CENTRAL_RECORDS);

  private final FixityAudit audit;
  private final FixityRuns runs;
  private final FixityFindings findings;
  private final ContentCopies copies;

  FixityController(
      FixityAudit audit, FixityRuns runs, FixityFindings findings, ContentCopies copies) {
    this.audit = audit;
    this.runs = runs;
    this.findings = findings;
    this.copies = copies;
  }

  record Overview(BacklogStatus backlog, List<Run> runs, List<Finding> readFindings) {}

  record RunDetail(Run run, List<Finding> findings) {}

  @PostMapping("/api/preservation/audits")
  ResponseEntity<Run> start(
      @RequestParam(required = false) String studentNumber, Authentication authentication) {
    CurrentUser user = checkAuditor(authentication);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(audit.start(studentNumber, user.id()));
  }

  @GetMapping("/api/preservation/audits")
  Overview overview(Authentication authentication) {
    checkAuditor(authentication);
    return new Overview(copies.backlog(), runs.recent(20), findings.recentReads(50));
  }

  @GetMapping("/api/preservation/audits/{runId}")
  RunDetail run(@PathVariable long runId, Authentication authentication) {
    checkAuditor(authentication);
    Run run =
        runs.find(runId)
            .orElseThrow(
                () ->
                    ParvandehException.notFound(
                        "audit-not-found", "این پایش سلامت پیدا نشد.", "No such fixity audit."));
    return new RunDetail(run, findings.ofRun(runId));
  }

  private static CurrentUser checkAuditor(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.inAny(AUDITORS)) {
      throw ParvandehException.forbidden(
          "پایش سلامت بایگانی ویژه مدیران و مدیریت خدمات آموزشی است.",
          "The fixity audit is for managers and the central records office.");
    }
    return user;
  }
}
