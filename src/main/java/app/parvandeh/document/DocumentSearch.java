package app.parvandeh.document;

import app.parvandeh.shared.PersianText;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds documents by student number, national ID, name, document type or description words. Both sides are
 * folded by {@link PersianText#compact} (digits, Arabic/Persian letters, joiners, spaces), so a variant spelling
 * still matches; every word must match the student's or the document's search text.
 */
@Service
public class DocumentSearch {

  private final NamedParameterJdbcTemplate jdbc;
  private final DocumentRepository documents;

  DocumentSearch(NamedParameterJdbcTemplate jdbc, DocumentRepository documents) {
    this.jdbc = jdbc;
    this.documents = documents;
  }

  /** A found document with the student whose file holds it. */
  public record Hit(String studentNumber, String studentName, String facultyCode, FileDocumentView document) {}

  /** Who may be searched: faculties (null: all) and, for a student, only their own file. */
  public record Scope(Collection<String> facultyCodes, Long onlyStudentId) {}

  @Transactional(readOnly = true)
  public List<Hit> search(String query, Scope scope, int limit) {
    List<String> words = Arrays.stream(PersianText.normalize(query).split(" "))
        .map(PersianText::compact).map(w -> w.replace("%", "").replace("_", "")).filter(w -> !w.isEmpty()).toList();
    if (words.isEmpty() || scope.facultyCodes() != null && scope.facultyCodes().isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select d.id, s.student_number, s.first_name, s.last_name, s.faculty_code"
        + " from document d join student s on s.id = d.student_id where d.deleted_at is null");
    MapSqlParameterSource params = new MapSqlParameterSource();
    for (int i = 0; i < words.size(); i++) {
      sql.append(" and (s.search_text like :w").append(i).append(" or d.search_text like :w").append(i).append(')');
      params.addValue("w" + i, "%" + words.get(i) + "%");
    }
    if (scope.facultyCodes() != null) {
      sql.append(" and s.faculty_code in (:faculties)");
      params.addValue("faculties", scope.facultyCodes());
    }
    if (scope.onlyStudentId() != null) {
      sql.append(" and s.id = :student");
      params.addValue("student", scope.onlyStudentId());
    }
    sql.append(" order by d.id desc fetch first ").append(Math.max(1, limit)).append(" rows only");
    Map<Long, String[]> found = new LinkedHashMap<>();
    jdbc.query(sql.toString(), params, rs -> {
      found.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3) + " " + rs.getString(4),
          rs.getString(5)});
    });
    Map<Long, Document> loaded = new LinkedHashMap<>();
    documents.findAllById(found.keySet()).forEach(d -> loaded.put(d.getId(), d));
    return found.entrySet().stream().filter(e -> loaded.containsKey(e.getKey()))
        .map(e -> new Hit(e.getValue()[0], e.getValue()[1], e.getValue()[2],
            FileDocumentView.of(loaded.get(e.getKey()))))
        .toList();
  }
}
