package app.parvandeh.intake.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CohortRowRepository extends JpaRepository<CohortRow, Long> {

  List<CohortRow> findByImportIdOrderByRowNo(Long importId);

  @Query(
      "select r.id from CohortRow r where r.importId = ?1 and r.outcome is null order by r.rowNo")
  List<Long> pendingIds(Long importId);

  /** Locks the row, so two workers (two nodes) never do it both: the second finds it done. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from CohortRow r where r.id = ?1")
  Optional<CohortRow> lock(Long id);

  @Query(
      "select min(r.rowNo) from CohortRow r where r.importId = ?1 and r.studentNumber = ?2 and r.rowNo < ?3")
  Integer earlierRowWithNumber(Long importId, String studentNumber, int rowNo);

  @Query(
      "select r.outcome, count(r) from CohortRow r where r.importId = ?1 and r.outcome is not null"
          + " group by r.outcome")
  List<Object[]> countByOutcome(Long importId);
}
