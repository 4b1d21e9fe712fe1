package app.parvandeh.audit;

import java.time.Instant;
import java.util.List;

/**
 * Records operations on files and documents. A change is recorded in the transaction that makes it
 * (both or neither); a view or download is recorded on its own, since nothing else is written.
 */
public interface AuditLog {

  /** An audit line as managers read it. */
  record AuditView(
      Long id,
      Instant occurredAt,
      String occurredAtJalali,
      String actor,
      AuditAction action,
      Long studentId,
      Long documentId,
      String details,
      String remoteAddress) {}

  /**
   * Records a change, joining the caller's transaction so the change and its record commit
   * together.
   */
  void change(String actor, AuditAction action, Long studentId, Long documentId, String details);

  /** Records a read (view, download, export). */
  void read(String actor, AuditAction action, Long studentId, Long documentId, String details);

  List<AuditView> ofStudent(Long studentId);

  List<AuditView> ofDocument(Long documentId);
}
