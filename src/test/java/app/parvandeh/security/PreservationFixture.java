package app.parvandeh.security;

import app.parvandeh.preservation.BulkExport;
import app.parvandeh.preservation.FixityAudit;
import app.parvandeh.preservation.PreservationJobs;
import app.parvandeh.preservation.SystemBackup;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.StudentService;
import java.util.UUID;

/**
 * What the authorization matrix tries the preservation endpoints on: a finished fixity audit of one
 * file, a faculty without students (its export is an empty ZIP, made at once), a finished export
 * the manager started and a backup an administrator started.
 */
record PreservationFixture(
    long auditRunId, String emptyFaculty, String managersExport, String backup) {

  static PreservationFixture create(
      FixityAudit audit,
      BulkExport exports,
      SystemBackup backups,
      PreservationJobs jobs,
      StudentService students,
      FileFixture file) {
    long run = audit.runNow(file.number(), "manager").id();
    String faculty = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    students.registerFaculty(faculty, "دانشکده بی‌دانشجو", "A faculty without students");
    String export = exports.start(FileScope.EVERY_FILE, faculty, "manager").id();
    String backup = backups.start(jobs, "admin").id();
    awaitEnd(jobs, PreservationJobs.Kind.EXPORT, export);
    awaitEnd(jobs, PreservationJobs.Kind.BACKUP, backup);
    return new PreservationFixture(run, faculty, export, backup);
  }

  private static void awaitEnd(PreservationJobs jobs, PreservationJobs.Kind kind, String id) {
    for (int i = 0; i < 3000 && "RUNNING".equals(jobs.get(kind, id).status()); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
