package app.parvandeh.document.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RequiredDocumentRepository extends JpaRepository<RequiredDocument, Long> {

  /**
   * With the types in the same statement. Written out, not derived from the name: Hibernate 6 keeps
   * a query string's plan but builds a derived query's again on every call.
   */
  @Query(
      "select r from RequiredDocument r join fetch r.type t where r.studentId = ?1"
          + " order by t.sortOrder")
  List<RequiredDocument> findByStudentIdOrderByTypeSortOrder(Long studentId);

  /**
   * Row-locks the student's checklist until the transaction ends, so uploads into one student's
   * documents run one after another (find-or-create of a document and its next version number are
   * then safe). Always in id order, so two lockers never deadlock. Native SQL: the same {@code for
   * update} on H2 and PostgreSQL.
   */
  @Query(
      value = "select id from required_document where student_id = ?1 order by id for update",
      nativeQuery = true)
  List<Long> lockChecklistOf(Long studentId);
}
