package app.parvandeh.intake.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CohortImportRepository extends JpaRepository<CohortImport, Long> {

  List<CohortImport> findByStatusInOrderById(List<ImportStatus> statuses);
}
