package app.parvandeh.preservation.web;

import app.parvandeh.preservation.ExportedBag;
import app.parvandeh.preservation.FileExport;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.DocumentHeaders;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's whole file as a ZIP holding a verified BagIt bag. The bag carries the audit trail, so
 * it is for the audit trail's readers only (managers and the central units); faculty clerks and
 * students are refused.
 */
@RestController
class FileExportController {

  private final StudentService students;
  private final FileAccessPolicy access;
  private final FileExport exports;

  FileExportController(StudentService students, FileAccessPolicy access, FileExport exports) {
    this.students = students;
    this.access = access;
    this.exports = exports;
  }

  @GetMapping("/api/students/{studentNumber}/export")
  void export(
      @PathVariable String studentNumber,
      Authentication authentication,
      HttpServletResponse response)
      throws IOException {
    CurrentUser user = CurrentUser.of(authentication);
    access.checkExport(user);
    StudentRef student = students.get(studentNumber);
    access.checkView(user, student);
    try (ExportedBag bag = exports.export(student, user.id())) {
      response.setContentType("application/zip");
      DocumentHeaders.apply(response, "application/zip", bag.zipFileName());
      response.setHeader("X-Parvandeh-Manifest-Sha256", bag.manifestSha256());
      OutputStream out = response.getOutputStream();
      bag.writeZip(out);
      out.flush();
    }
  }
}
