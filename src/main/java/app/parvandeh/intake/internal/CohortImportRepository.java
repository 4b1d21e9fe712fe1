package app.parvandeh.intake.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortImportRepository extends JpaRepository<CohortImport, Long> {

  List<CohortImport> findByStatusInOrderById(List<ImportStatus> statuses);
}
