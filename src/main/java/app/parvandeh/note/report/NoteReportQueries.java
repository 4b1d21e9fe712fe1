package app.parvandeh.note.report;

import app.parvandeh.note.NoteKind;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.Student;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Report 112's read-only queries, a page at a time so that a whole faculty never sits in memory:
 * the students in scope that have notes in the range (keyset on the student number, optionally one
 * student and/or one faculty), then those students' notes a page at a time (keyset on student
 * number, time and id) and each page's addresses in one query. Notes are read as columns, not
 * entities, so no note's addresses are loaded by a query of its own.
 */
@Component
class NoteReportQueries {

  /** The largest IN list sent at once (well under the drivers' bind-parameter limits). */
  static final int IN_LIST = 1_000;

  private final EntityManager entityManager;

  NoteReportQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * A note's columns as the report prints them (getters named like the entity's, as the report
   * reads them).
   */
  record NoteRow(
      Long id,
      Long studentId,
      NoteKind kind,
      String golestanScreen,
      String body,
      String author,
      Instant createdAt) {

    Long getStudentId() {
      return studentId;
    }
  }

  /** A note address's columns, in the note's order (getters named like the entity's). */
  record AddressRow(Long noteId, String address, String label, Long documentVersionId) {

    String getAddress() {
      return address;
    }

    String getLabel() {
      return label;
    }

    Long getDocumentVersionId() {
      return documentVersionId;
    }
  }

  /**
   * Up to {@code limit} students in scope after {@code afterNumber} (null: from the first) that
   * have a note in the range, by student number, with their faculties.
   */
  List<Student> students(
      FileScope scope,
      Long studentId,
      String facultyCode,
      Instant start,
      Instant end,
      String afterNumber,
      int limit) {
    if (scope.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql =
        new StringBuilder("select s from Student s join fetch s.faculty where ")
            .append(scope.jpql("s"))
            .append(" and exists (select n.id from Note n where n.studentId = s.id")
            .append(" and n.createdAt >= :start and n.createdAt < :end)");
    if (studentId != null) {
      jpql.append(" and s.id = :studentId");
    }
    if (facultyCode != null) {
      jpql.append(" and s.faculty.code = :faculty");
    }
    if (afterNumber != null) {
      jpql.append(" and s.studentNumber > :after");
    }
    TypedQuery<Student> query =
        entityManager.createQuery(
            jpql.append(" order by s.studentNumber").toString(), Student.class);
    scope.parameters().forEach(query::setParameter);
    query.setParameter("start", start).setParameter("end", end);
    if (studentId != null) {
      query.setParameter("studentId", studentId);
    }
    if (facultyCode != null) {
      query.setParameter("faculty", facultyCode);
    }
    if (afterNumber != null) {
      query.setParameter("after", afterNumber);
    }
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * Up to {@code limit} of these students' notes in the range, in report order (student number,
   * time, id), after the note {@code after} (null: from the first), so that a page never holds more
   * than {@code limit} notes however many one student has.
   */
  List<NoteRow> notes(
      Collection<Long> studentIds,
      Instant start,
      Instant end,
      NoteRow after,
      String afterNumber,
      int limit) {
    if (studentIds.isEmpty()) {
      return List.of();
    }
    String jpql =
        "select new app.parvandeh.note.report.NoteReportQueries$NoteRow(n.id, n.studentId, n.kind,"
            + " n.golestanScreen, n.body, n.author, n.createdAt) from Note n, Student s where s.id = n.studentId"
            + " and n.studentId in :students and n.createdAt >= :start and n.createdAt < :end"
            + (after == null
                ? ""
                : " and (s.studentNumber > :afterNumber or (s.studentNumber = :afterNumber and"
                    + " (n.createdAt > :afterAt or (n.createdAt = :afterAt and n.id > :afterId))))")
            + " order by s.studentNumber, n.createdAt, n.id";
    TypedQuery<NoteRow> query =
        entityManager
            .createQuery(jpql, NoteRow.class)
            .setParameter("students", studentIds)
            .setParameter("start", start)
            .setParameter("end", end);
    if (after != null) {
      query
          .setParameter("afterNumber", afterNumber)
          .setParameter("afterAt", after.createdAt())
          .setParameter("afterId", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * These notes' addresses, by note id, each note's in its order; one query per {@link #IN_LIST}
   * notes.
   */
  Map<Long, List<AddressRow>> addresses(List<Long> noteIds) {
    Map<Long, List<AddressRow>> byNote = new LinkedHashMap<>();
    for (int from = 0; from < noteIds.size(); from += IN_LIST) {
      entityManager
          .createQuery(
              "select new app.parvandeh.note.report.NoteReportQueries$AddressRow(a.note.id,"
                  + " a.address, a.label, a.documentVersionId) from NoteAddress a where a.note.id in :notes"
                  + " order by a.note.id, a.sortOrder",
              AddressRow.class)
          .setParameter("notes", noteIds.subList(from, Math.min(noteIds.size(), from + IN_LIST)))
          .getResultList()
          .forEach(a -> byNote.computeIfAbsent(a.noteId(), id -> new ArrayList<>()).add(a));
    }
    return byNote;
  }

  /**
   * On PostgreSQL, plans each page's query for its own values for the rest of the transaction:
   * after five runs of a prepared statement the server may switch to a generic plan, which for the
   * notes' IN list and keyset took seconds per page on 1,000,000 notes, against milliseconds
   * planned with the values.
   */
  void planWithValues() {
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                  statement.execute("set local plan_cache_mode = force_custom_plan");
                }
              }
            });
  }

  /**
   * Forgets the page just read (its students), so the persistence context does not grow with the
   * report.
   */
  void clear() {
    entityManager.clear();
  }
}
