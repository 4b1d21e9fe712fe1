package app.parvandeh.document.internal;

import app.parvandeh.student.FileStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the document type catalogue (Flyway-seeded). */
@Entity
@Table(name = "document_type")
class DocumentType {

  @Id private String code;

  @Column(name = "name_fa")
  private String nameFa;

  @Column(name = "name_en")
  private String nameEn;

  @Enumerated(EnumType.STRING)
  private FileStage stage;

  @Column(name = "sort_order")
  private int sortOrder;

  protected DocumentType() {}

  public String getCode() {
    return code;
  }

  public String getNameFa() {
    return nameFa;
  }

  public String getNameEn() {
    return nameEn;
  }

  public FileStage getStage() {
    return stage;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
