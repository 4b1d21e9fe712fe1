package app.parvandeh.note.report;

import app.parvandeh.note.NoteKind;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.springframework.stereotype.Component;

/**
 * Report 112's read-only queries, a page at a time so that a whole faculty never sits in memory:
 * the students in scope that have notes in the range (keyset on the student number, optionally one
 * student and/or one faculty), then those students' notes a page at a time (keyset on student
 * number, time and id) and each page's addresses in one query. Notes are read as columns, not
 * entities, so no note's addresses are loaded by a query of its own. The student module's entity is
 * not named: its table is joined in SQL, and its records are asked for by id.
 */
@Component
class NoteReportQueries {

  /** The largest IN list sent at once (well under the drivers' bind-parameter limits). */
  static final int IN_LIST = 1_000;

  private final EntityManager entityManager;
  private final StudentService students;

  NoteReportQueries(EntityManager entityManager, StudentService students) {
    this.entityManager = entityManager;
    this.students = students;
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
   * have a note in the range, by student number, with their faculties: their ids in SQL on the
   * student table, then the student module's records of them.
   */
  List<StudentRef> students(
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
    StringBuilder sql =
        new StringBuilder("select s.id from student s where ")
            .append(scope.sql("s"))
            .append(" and exists (select n.id from note n where n.student_id = s.id")
            .append(" and n.created_at >= :start and n.created_at < :end)");
    if (studentId != null) {
      sql.append(" and s.id = :studentId");
    }
    if (facultyCode != null) {
      sql.append(" and s.faculty_code = :faculty");
    }
    if (afterNumber != null) {
      sql.append(" and s.student_number > :after");
    }
    Query query =
        entityManager.createNativeQuery(sql.append(" order by s.student_number").toString());
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
    List<Long> ids = ids(query.setMaxResults(limit).getResultList());
    Map<Long, StudentRef> byId = new HashMap<>();
    students.byIds(ids).forEach(student -> byId.put(student.id(), student));
    return ids.stream().map(byId::get).toList();
  }

  /**
   * Up to {@code limit} of these students' notes in the range, in report order (student number,
   * time, id), after the note {@code after} (null: from the first), so that a page never holds more
   * than {@code limit} notes however many one student has. In SQL, as the order is the student
   * table's number.
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
    String sql =
        "select n.id, n.student_id, n.kind, n.golestan_screen, n.body, n.author, n.created_at"
            + " from note n join student s on s.id = n.student_id"
            + " where n.student_id in (:students) and n.created_at >= :start and n.created_at < :end"
            + (after == null
                ? ""
                : " and (s.student_number > :afterNumber or (s.student_number = :afterNumber and"
                    + " (n.created_at > :afterAt or (n.created_at = :afterAt and n.id > :afterId))))")
            + " order by s.student_number, n.created_at, n.id";
    NativeQuery<?> query =
        entityManager
            .createNativeQuery(sql)
            .unwrap(NativeQuery.class)
            .addScalar("id", StandardBasicTypes.LONG)
            .addScalar("student_id", StandardBasicTypes.LONG)
            .addScalar("kind", StandardBasicTypes.STRING)
            .addScalar("golestan_screen", StandardBasicTypes.STRING)
            .addScalar("body", StandardBasicTypes.STRING)
            .addScalar("author", StandardBasicTypes.STRING)
            .addScalar("created_at", StandardBasicTypes.INSTANT);
    query
        .setParameter("students", studentIds)
        .setParameter("start", start)
        .setParameter("end", end);
    if (after != null) {
      query
          .setParameter("afterNumber", afterNumber)
          .setParameter("afterAt", after.createdAt())
          .setParameter("afterId", after.id());
    }
    List<NoteRow> rows = new ArrayList<>();
    for (Object found : query.setMaxResults(limit).getResultList()) {
      Object[] row = (Object[]) found;
      rows.add(
          new NoteRow(
              (Long) row[0],
              (Long) row[1],
              NoteKind.valueOf((String) row[2]),
              (String) row[3],
              (String) row[4],
              (String) row[5],
              (Instant) row[6]));
    }
    return rows;
  }

  private static List<Long> ids(List<?> found) {
    return found.stream().map(id -> ((Number) id).longValue()).toList();
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
