package app.parvandeh.audit;

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

/**
 * Records operations on files and documents. A change is recorded in the transaction that makes it
 * (both or neither); a view or download is recorded on its own, since nothing else is written.
 */
@Service
public class AuditLog {

  private final AuditRepository entries;
  private final Clock clock;

  AuditLog(AuditRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /** An audit line as managers read it. */
  public record AuditView(
      Long id,
      Instant occurredAt,
      String occurredAtJalali,
      String actor,
      AuditAction action,
      Long studentId,
      Long documentId,
      String details,
      String remoteAddress) {

    static AuditView of(AuditEntry e) {
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

  /**
   * Records a change, joining the caller's transaction so the change and its record commit
   * together.
   */
  @Transactional(propagation = Propagation.MANDATORY)
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
  public List<AuditView> ofStudent(Long studentId) {
    return entries.findByStudentIdOrderByOccurredAtAscIdAsc(studentId).stream()
        .map(AuditView::of)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<AuditView> ofDocument(Long documentId) {
    return entries.findByDocumentIdOrderByOccurredAtAscIdAsc(documentId).stream()
        .map(AuditView::of)
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
}
