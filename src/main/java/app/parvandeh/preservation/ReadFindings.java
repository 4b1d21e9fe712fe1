package app.parvandeh.preservation;

import app.parvandeh.document.ContentCopies.State;
import app.parvandeh.document.ContentDamaged;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.StoredVersion;
import app.parvandeh.preservation.FixityFindings.Kind;
import app.parvandeh.preservation.FixityFindings.Source;
import app.parvandeh.student.StudentService;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A read that found a bad copy: recorded per document version, and raised to managers if nothing
 * good was left.
 */
@Component
class ReadFindings {

  private final DocumentService documents;
  private final StudentService students;
  private final FixityFindings findings;
  private final FixityAlerts alerts;

  ReadFindings(
      DocumentService documents,
      StudentService students,
      FixityFindings findings,
      FixityAlerts alerts) {
    this.documents = documents;
    this.students = students;
    this.findings = findings;
    this.alerts = alerts;
  }

  @EventListener
  void damaged(ContentDamaged event) {
    Kind kind = event.state() == State.MISSING ? Kind.MISSING : Kind.CHANGED;
    // Each new read of a lost blob is recorded, but managers are told once per blob and copy until
    // the next
    // repair: a clerk retrying a download must not fill the task with the same line.
    boolean alreadyRaised =
        findings.ofContent(event.sha256()).stream()
            .takeWhile(f -> !f.repaired())
            .anyMatch(f -> f.source() == Source.READ && f.copy() == event.copy());
    List<StoredVersion> versions = documents.versionsWithContent(event.sha256());
    for (StoredVersion v : versions) {
      findings.record(
          Source.READ,
          null,
          kind,
          event.copy(),
          event.sha256(),
          v,
          students.getById(v.studentId()).studentNumber(),
          event.repaired());
    }
    if (versions.isEmpty()) {
      findings.record(
          Source.READ, null, kind, event.copy(), event.sha256(), null, null, event.repaired());
    }
    if (!event.repaired() && !alreadyRaised) {
      String who =
          versions.isEmpty()
              ? ""
              : " (دانشجوی "
                  + students.getById(versions.get(0).studentId()).studentNumber()
                  + "، مدرک "
                  + versions.get(0).documentId()
                  + ")";
      alerts.raise(
          "هنگام خواندن یک مدرک"
              + who
              + " نسخه سالمی از فایل آن پیدا نشد؛ فایل به کاربر داده نشد.");
    }
  }
}
