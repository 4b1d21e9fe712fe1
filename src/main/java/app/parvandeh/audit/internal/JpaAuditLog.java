package app.parvandeh.audit.internal;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.shared.JalaliDates;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The AuditLog facade over the module's repositories. */
@Service
class JpaAuditLog implements AuditLog {

  private final AuditRepository entries;
  private final Clock clock;

  JpaAuditLog(AuditRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /**
   * Records a change, joining the caller's transaction so the change and its record commit
   * together.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  @Override
  public void change(
      String actor, AuditAction action, Long studentId, Long documentId, String details) {
    entries.save(
        new AuditEntry(
            Instant.now(clock),
            actor,
            action,
            studentId,
            documentId,
            truncate(details),
            remoteAddress()));
  }

  /** Records a read (view, download, export). */
  @Transactional
  @Override
  public void read(
      String actor, AuditAction action, Long studentId, Long documentId, String details) {
    entries.save(
        new AuditEntry(
            Instant.now(clock),
            actor,
            action,
            studentId,
            documentId,
            truncate(details),
            remoteAddress()));
  }

  @Transactional(readOnly = true)
  @Override
  public List<AuditView> ofStudent(Long studentId) {
    return entries.findByStudentIdOrderByOccurredAtAscIdAsc(studentId).stream()
        .map(JpaAuditLog::view)
        .toList();
  }

  @Transactional(readOnly = true)
  @Override
  public List<AuditView> ofDocument(Long documentId) {
    return entries.findByDocumentIdOrderByOccurredAtAscIdAsc(documentId).stream()
        .map(JpaAuditLog::view)
        .toList();
  }

  private static String truncate(String details) {
    return details == null || details.length() <= 4000
        ? details
        : details.substring(0, 3997) + "...";
  }

  /** The client's address when called within a web request; null for the engine's own jobs. */
  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }

  private static AuditView view(AuditEntry e) {
    return new AuditView(
        e.getId(),
        e.getOccurredAt(),
        JalaliDates.dateTime(e.getOccurredAt()),
        e.getActor(),
        e.getAction(),
        e.getStudentId(),
        e.getDocumentId(),
        e.getDetails(),
        e.getRemoteAddress());
  }
}
