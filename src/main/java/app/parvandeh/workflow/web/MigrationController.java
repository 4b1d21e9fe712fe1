package app.parvandeh.workflow.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.workflow.ProcessMigrations;
import app.parvandeh.workflow.StudentFileProcess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process owners move running files to a newer process version: {@code POST /api/admin/migrations}
 * with {@code {"sourceVersion": 3, "targetVersion": 4, "dryRun": true}} (target defaults to the
 * latest version, the process to StudentFileProcess). A dry run changes nothing and lists what
 * cannot be mapped.
 */
@RestController
class MigrationController {

  private final ProcessMigrations migrations;

  MigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  record MigrationRequest(
      String processKey, @NotNull Integer sourceVersion, Integer targetVersion, Boolean dryRun) {}

  @PostMapping("/api/admin/migrations")
  ProcessMigrations.Result migrate(
      @Valid @RequestBody MigrationRequest request, Authentication authentication) {
    if (!CurrentUser.of(authentication).groups().contains(Groups.PROCESS_OWNERS)) {
      throw ParvandehException.forbidden(
          "انتقال پرونده‌ها به نسخه جدید فرایند ویژه مالکان فرایند است.",
          "Only process owners migrate running files.");
    }
    return migrations.migrate(
        request.processKey() == null ? StudentFileProcess.PROCESS_ID : request.processKey(),
        request.sourceVersion(),
        request.targetVersion(),
        request.dryRun() == null || request.dryRun());
  }
}
