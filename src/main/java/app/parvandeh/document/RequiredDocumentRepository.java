package app.parvandeh.document;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequiredDocumentRepository extends JpaRepository<RequiredDocument, Long> {

  List<RequiredDocument> findByStudentIdOrderByTypeSortOrder(Long studentId);
}
