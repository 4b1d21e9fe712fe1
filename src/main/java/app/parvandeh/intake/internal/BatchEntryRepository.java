package app.parvandeh.intake.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BatchEntryRepository extends JpaRepository<BatchEntry, Long> {

  List<BatchEntry> findByBatchIdOrderByEntryNo(Long batchId);

  @Query("select e.entryNo from BatchEntry e where e.batchId = ?1")
  List<Integer> entryNumbers(Long batchId);

  @Query(
      "select e from BatchEntry e where e.outcome = 'UNMATCHED' and e.resolution is null order by e.id")
  List<BatchEntry> queue();

  @Query(
      "select count(e) from BatchEntry e where e.batchId = ?1 and e.outcome = 'UNMATCHED' and e.resolution is null")
  long waitingIn(Long batchId);

  @Query("select e.outcome, count(e) from BatchEntry e where e.batchId = ?1 group by e.outcome")
  List<Object[]> countByOutcome(Long batchId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from BatchEntry e where e.id = ?1")
  Optional<BatchEntry> lock(Long id);
}
