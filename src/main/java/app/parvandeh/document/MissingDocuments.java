package app.parvandeh.document;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What files still lack: each checklist entry that the student or a batch supplies and that no (undeleted)
 * admission document answers. Documents seen elsewhere (brilliant-talent office, Golestan inquiry) never count.
 */
@Service
public class MissingDocuments {

  /** One missing document of one student's file. */
  public record Missing(Long studentId, String typeCode, String typeName, Supplier supplier, String supplierLabel) {}

  private final MissingDocumentRepository repository;

  MissingDocuments(MissingDocumentRepository repository) {
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public List<Missing> all() {
    return repository.missing().stream().map(r -> new Missing(r.getStudentId(), r.getType().getCode(),
        r.getType().getNameFa(), r.getSupplier(), r.getSupplier().labelFa())).toList();
  }
}
