package app.parvandeh.document;

import app.parvandeh.student.FileScope;
import java.util.List;

/**
 * What files still lack: each checklist entry that the student or a batch supplies and that no
 * (undeleted) admission document answers. Documents seen elsewhere (brilliant-talent office,
 * Golestan inquiry) never count.
 */
public interface MissingDocuments {

  /** One missing document of one student's file. */
  record Missing(
      Long studentId, String typeCode, String typeName, Supplier supplier, String supplierLabel) {}

  /** What the files in scope lack, by student then checklist order. */
  List<Missing> of(FileScope scope);
}
