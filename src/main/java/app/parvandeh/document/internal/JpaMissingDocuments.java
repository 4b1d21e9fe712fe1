package app.parvandeh.document.internal;

import app.parvandeh.document.MissingDocuments;
import app.parvandeh.student.FileScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The MissingDocuments facade over the module's repositories. */
@Service
class JpaMissingDocuments implements MissingDocuments {

  private final EntityManager entityManager;

  JpaMissingDocuments(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** What the files in scope lack, by student then checklist order. */
  @Transactional(readOnly = true)
  @Override
  public List<Missing> of(FileScope scope) {
    if (scope.isEmpty()) {
      return List.of();
    }
    TypedQuery<RequiredDocument> query =
        entityManager.createQuery(
            "select r from RequiredDocument r"
                + " where r.supplier in (app.parvandeh.document.Supplier.STUDENT, app.parvandeh.document.Supplier.BATCH)"
                + " and "
                + scope.jpqlOnStudentId("r.studentId")
                + " and not exists (select d.id from Document d where d.studentId = r.studentId and d.type = r.type"
                + " and d.stage = app.parvandeh.student.FileStage.ADMISSION and d.deletedAt is null) order by r.studentId, r.type.sortOrder",
            RequiredDocument.class);
    scope.parameters().forEach(query::setParameter);
    return query.getResultList().stream()
        .map(
            r ->
                new Missing(
                    r.getStudentId(),
                    r.getType().getCode(),
                    r.getType().getNameFa(),
                    r.getSupplier(),
                    r.getSupplier().labelFa()))
        .toList();
  }
}
