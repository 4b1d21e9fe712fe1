package app.parvandeh.intake.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface IntakeBatchRepository extends JpaRepository<IntakeBatch, Long> {

  List<IntakeBatch> findByStatusInOrderById(List<BatchStatus> statuses);

  Optional<IntakeBatch> findBySourceKey(String sourceKey);

  List<IntakeBatch> findByOrderByIdDesc(Pageable page);
}
