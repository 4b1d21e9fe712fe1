package app.parvandeh.note.report;

import app.parvandeh.note.Note;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Report 112's read-only queries: notes with their students in one query, ordered by student number then time.
 * Each row is {@code [Note, Student]}.
 */
interface NoteReportRepository extends Repository<Note, Long> {

  @Query("""
      select n, s from Note n, Student s where s.id = n.studentId and s.id = :studentId
        and n.createdAt >= :start and n.createdAt < :end
      order by n.createdAt, n.id""")
  List<Object[]> ofStudent(@Param("studentId") Long studentId, @Param("start") Instant start,
      @Param("end") Instant end);

  @Query("""
      select n, s from Note n, Student s where s.id = n.studentId and s.faculty.code in :faculties
        and n.createdAt >= :start and n.createdAt < :end
      order by s.studentNumber, n.createdAt, n.id""")
  List<Object[]> ofFaculties(@Param("faculties") Collection<String> faculties, @Param("start") Instant start,
      @Param("end") Instant end);

  @Query("""
      select n, s from Note n, Student s where s.id = n.studentId
        and n.createdAt >= :start and n.createdAt < :end
      order by s.studentNumber, n.createdAt, n.id""")
  List<Object[]> ofAll(@Param("start") Instant start, @Param("end") Instant end);
}
