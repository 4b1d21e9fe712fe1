package app.parvandeh.audit.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read only: the repository offers no update or delete. */
interface AuditRepository extends Repository<AuditEntry, Long> {

  AuditEntry save(AuditEntry entry);

  List<AuditEntry> findByStudentIdOrderByOccurredAtAscIdAsc(Long studentId);

  List<AuditEntry> findByDocumentIdOrderByOccurredAtAscIdAsc(Long documentId);
}
