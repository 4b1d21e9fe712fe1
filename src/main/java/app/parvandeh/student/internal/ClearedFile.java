package app.parvandeh.student.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A file whose graduation clearance is complete (the view {@code cleared_file} over the
 * clearance-complete notes): only named in {@link app.parvandeh.student.FileScope}'s queries, never
 * loaded or written.
 */
@Entity
@Immutable
@Table(name = "cleared_file")
class ClearedFile {

  @Id
  @Column(name = "student_id")
  private Long studentId;

  protected ClearedFile() {}
}
