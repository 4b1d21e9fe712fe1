package app.parvandeh.note.internal;

import app.parvandeh.note.NoteKind;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, Long> {

  List<Note> findByStudentIdOrderByCreatedAtAscIdAsc(Long studentId);

  Optional<Note> findByIdempotencyKey(String idempotencyKey);

  boolean existsByStudentIdAndKind(Long studentId, NoteKind kind);
}
