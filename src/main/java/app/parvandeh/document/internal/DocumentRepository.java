package app.parvandeh.document.internal;

import app.parvandeh.student.FileStage;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<Document, Long> {

  @Query(
      "select distinct d from Document d left join fetch d.versions where d.studentId = ?1 order by d.id")
  List<Document> findWithVersionsByStudentId(Long studentId);

  List<Document> findBySearchTextIsNull();

  Optional<Document> findFirstByStudentIdAndTypeCodeAndStage(
      Long studentId, String typeCode, FileStage stage);
}
