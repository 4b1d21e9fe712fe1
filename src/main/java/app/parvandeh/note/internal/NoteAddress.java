package app.parvandeh.note.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Where a document the note speaks of lives: one of our document versions, or an external
 * reference.
 */
@Entity
@Table(name = "note_address")
class NoteAddress {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "note_id")
  private Note note;

  @Column(name = "sort_order")
  private int sortOrder;

  private String address;

  private String label;

  @Column(name = "document_version_id")
  private Long documentVersionId;

  protected NoteAddress() {}

  NoteAddress(Note note, int sortOrder, String address, String label, Long documentVersionId) {
    this.note = note;
    this.sortOrder = sortOrder;
    this.address = address;
    this.label = label;
    this.documentVersionId = documentVersionId;
  }

  public String getAddress() {
    return address;
  }

  public String getLabel() {
    return label;
  }

  public Long getDocumentVersionId() {
    return documentVersionId;
  }
}
