package app.parvandeh.intake.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakeBatchRepository extends JpaRepository<IntakeBatch, Long> {

  List<IntakeBatch> findByStatusInOrderById(List<BatchStatus> statuses);
}
