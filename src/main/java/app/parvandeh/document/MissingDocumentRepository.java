package app.parvandeh.document;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MissingDocumentRepository extends Repository<RequiredDocument, Long> {

  @Query("select r from RequiredDocument r where r.supplier in (app.parvandeh.document.Supplier.STUDENT,"
      + " app.parvandeh.document.Supplier.BATCH) and not exists ("
      + "select d.id from Document d where d.studentId = r.studentId and d.type = r.type"
      + " and d.stage = 'ADMISSION' and d.deletedAt is null) order by r.studentId, r.type.sortOrder")
  List<RequiredDocument> missing();
}
