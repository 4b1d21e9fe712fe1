package app.parvandeh.preservation.web;

import app.parvandeh.preservation.PreservationJobs;
import app.parvandeh.preservation.SystemBackup;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.ParvandehException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole-system backup while the application runs (database and document store, see {@link
 * SystemBackup}): {@code POST /api/admin/backups} starts it (202 with the job), {@code GET
 * /api/admin/backups/{id}} shows its progress; {@code tools/backup.sh} does both. System
 * administrators only: a backup holds everyone's files.
 */
@RestController
class BackupController {

  private final SystemBackup backup;
  private final PreservationJobs jobs;

  BackupController(SystemBackup backup, PreservationJobs jobs) {
    this.backup = backup;
    this.jobs = jobs;
  }

  @PostMapping("/api/admin/backups")
  @ResponseStatus(HttpStatus.ACCEPTED)
  PreservationJobs.View start(Authentication authentication) {
    return backup.start(jobs, checkAdmin(authentication)).view();
  }

  @GetMapping("/api/admin/backups/{id}")
  PreservationJobs.View status(@PathVariable String id, Authentication authentication) {
    checkAdmin(authentication);
    return jobs.get(PreservationJobs.Kind.BACKUP, id);
  }

  private static String checkAdmin(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.groups().contains(Groups.ADMINS)) {
      throw ParvandehException.forbidden(
          "پشتیبان‌گیری از کل سامانه ویژه مدیران سامانه است.",
          "Only system administrators back up the whole system.");
    }
    return user.id();
  }
}
