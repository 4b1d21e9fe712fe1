package app.parvandeh.preservation.web;

import app.parvandeh.preservation.BulkExport;
import app.parvandeh.preservation.PreservationJobs;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.DocumentHeaders;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk export of BagIt bags, one per student: {@code POST /api/exports} with {@code {"faculty":
 * "engineering"}} (or {@code {}} for the whole archive) starts a job (202), {@code GET
 * /api/exports/{id}} shows how many files are done, {@code GET /api/exports/{id}/download} streams
 * the finished ZIP. For the audit trail's readers, as a single file's export; only the user who
 * started a job sees and downloads it.
 */
@RestController
class BulkExportController {

  private final BulkExport exports;
  private final PreservationJobs jobs;
  private final FileAccessPolicy access;
  private final StudentService students;

  BulkExportController(
      BulkExport exports, PreservationJobs jobs, FileAccessPolicy access, StudentService students) {
    this.exports = exports;
    this.jobs = jobs;
    this.access = access;
    this.students = students;
  }

  record ExportRequest(String faculty) {}

  @PostMapping("/api/exports")
  @ResponseStatus(HttpStatus.ACCEPTED)
  PreservationJobs.View start(
      @RequestBody(required = false) ExportRequest request, Authentication authentication) {
    CurrentUser user = checkReader(authentication);
    String faculty =
        request == null || request.faculty() == null || request.faculty().isBlank()
            ? null
            : request.faculty().strip();
    if (faculty != null && students.faculties().stream().noneMatch(f -> f.code().equals(faculty))) {
      throw ParvandehException.badRequest(
          "unknown-faculty", "چنین دانشکده‌ای وجود ندارد.", "No such faculty.");
    }
    return exports.start(access.scope(user), faculty, user.id()).view();
  }

  @GetMapping("/api/exports/{id}")
  PreservationJobs.View status(@PathVariable String id, Authentication authentication) {
    return ownJob(id, authentication);
  }

  @GetMapping("/api/exports/{id}/download")
  void download(
      @PathVariable String id, Authentication authentication, HttpServletResponse response)
      throws IOException {
    PreservationJobs.View job = ownJob(id, authentication);
    Path zip = job.resultPath();
    if (!job.succeeded() || zip == null || !Files.isRegularFile(zip)) {
      throw ParvandehException.conflict(
          "export-not-ready",
          "خروجی هنوز آماده نیست (یا ناموفق بوده است).",
          "The export is not ready (or it failed).");
    }
    DocumentHeaders.apply(response, "application/zip", exports.zipFileName(job));
    response.setContentType("application/zip");
    response.setContentLengthLong(Files.size(zip));
    OutputStream out = response.getOutputStream();
    Files.copy(zip, out);
    out.flush();
  }

  private PreservationJobs.View ownJob(String id, Authentication authentication) {
    CurrentUser user = checkReader(authentication);
    PreservationJobs.View job = jobs.get(PreservationJobs.Kind.EXPORT, id);
    if (!job.startedBy().equals(user.id())) {
      throw ParvandehException.forbidden(
          "این خروجی را کاربر دیگری گرفته است.", "Another user started this export.");
    }
    return job;
  }

  private CurrentUser checkReader(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    access.checkExport(user);
    return user;
  }
}
