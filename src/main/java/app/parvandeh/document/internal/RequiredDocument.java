package app.parvandeh.document.internal;

import app.parvandeh.document.Supplier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a student's checklist, as the RequiredDocuments decision produced it. */
@Entity
@Table(name = "required_document")
class RequiredDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "student_id")
  private Long studentId;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "type_code")
  private DocumentType type;

  @Enumerated(EnumType.STRING)
  private Supplier supplier;

  protected RequiredDocument() {}

  RequiredDocument(Long studentId, DocumentType type, Supplier supplier) {
    this.studentId = studentId;
    this.type = type;
    this.supplier = supplier;
  }

  Long getStudentId() {
    return studentId;
  }

  DocumentType getType() {
    return type;
  }

  Supplier getSupplier() {
    return supplier;
  }

  void changeSupplier(Supplier newSupplier) {
    this.supplier = newSupplier;
  }
}
