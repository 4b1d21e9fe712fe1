package app.parvandeh.note.report;

import app.parvandeh.student.FileScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Report 112's read-only query: the notes of the files in scope, with their students in one query, optionally of one
 * student and/or one faculty, ordered by student number then time. Each row is {@code [Note, Student]}.
 */
@Component
class NoteReportQueries {

  private final EntityManager entityManager;

  NoteReportQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  List<Object[]> notes(FileScope scope, Long studentId, String facultyCode, Instant start, Instant end) {
    if (scope.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql = new StringBuilder("select n, s from Note n, Student s where s.id = n.studentId and ")
        .append(scope.jpql("s")).append(" and n.createdAt >= :start and n.createdAt < :end");
    if (studentId != null) {
      jpql.append(" and s.id = :studentId");
    }
    if (facultyCode != null) {
      jpql.append(" and s.faculty.code = :faculty");
    }
    TypedQuery<Object[]> query = entityManager.createQuery(
        jpql.append(" order by s.studentNumber, n.createdAt, n.id").toString(), Object[].class);
    scope.parameters().forEach(query::setParameter);
    query.setParameter("start", start).setParameter("end", end);
    if (studentId != null) {
      query.setParameter("studentId", studentId);
    }
    if (facultyCode != null) {
      query.setParameter("faculty", facultyCode);
    }
    return query.getResultList();
  }
}
