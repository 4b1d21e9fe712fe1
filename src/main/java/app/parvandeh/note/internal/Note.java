package app.parvandeh.note.internal;

import app.parvandeh.note.NoteKind;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A note about the student; append-only. */
@Entity
@Table(name = "note")
class Note {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "student_id")
  private Long studentId;

  @Enumerated(EnumType.STRING)
  private NoteKind kind;

  @Column(name = "golestan_screen")
  private String golestanScreen;

  private String body;

  private String author;

  @Column(name = "created_at")
  private Instant createdAt;

  /** Makes recording the same fact twice (a retried job) a no-op. */
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  // The addresses of all the notes one query loaded (a file's notes) come in one more query, not
  // one per note.
  @OneToMany(mappedBy = "note", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @OrderBy("sortOrder ASC")
  private List<NoteAddress> addresses = new ArrayList<>();

  protected Note() {}

  Note(
      Long studentId,
      NoteKind kind,
      String body,
      String author,
      Instant now,
      String idempotencyKey) {
    this.studentId = studentId;
    this.kind = kind;
    this.golestanScreen = kind.golestanScreen();
    this.body = body;
    this.author = author;
    this.createdAt = now;
    this.idempotencyKey = idempotencyKey;
  }

  void address(String address, String label, Long documentVersionId) {
    addresses.add(new NoteAddress(this, addresses.size() + 1, address, label, documentVersionId));
  }

  public Long getId() {
    return id;
  }

  public Long getStudentId() {
    return studentId;
  }

  public NoteKind getKind() {
    return kind;
  }

  public String getGolestanScreen() {
    return golestanScreen;
  }

  public String getBody() {
    return body;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<NoteAddress> getAddresses() {
    return addresses;
  }
}
