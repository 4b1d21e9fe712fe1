package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentSearch;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.FileScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The DocumentSearch facade over the module's repositories. */
@Service
class JpaDocumentSearch implements DocumentSearch {

  /**
   * A word found in the student's or document's information weighs this many words found only in
   * the text.
   */
  static final int INFO_WEIGHT = 3;

  private final NamedParameterJdbcTemplate jdbc;
  private final DocumentRepository documents;

  JpaDocumentSearch(NamedParameterJdbcTemplate jdbc, DocumentRepository documents) {
    this.jdbc = jdbc;
    this.documents = documents;
  }

  /**
   * The best {@code limit} documents matching every word of the query in the files of the scope;
   * documents deleted for correction only with {@code includeDeleted} (for those who see
   * deletions).
   */
  @Transactional(readOnly = true)
  @Override
  public List<Hit> search(String query, FileScope scope, boolean includeDeleted, int limit) {
    List<String> words =
        Arrays.stream(PersianText.normalize(query).split(" "))
            .map(PersianText::compact)
            .map(w -> w.replace("%", "").replace("_", "").replace("\\", ""))
            .filter(w -> !w.isEmpty())
            .distinct()
            .toList();
    if (words.isEmpty() || scope.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource params = new MapSqlParameterSource(scope.parameters());
    StringBuilder inner =
        new StringBuilder(
                "select d.id, s.student_number, s.first_name, s.last_name,"
                    + " s.faculty_code, s.search_text student_text, d.search_text document_text,"
                    + " (select max(v.id) from document_version v where v.document_id = d.id) current_version"
                    + " from document d join student s on s.id = d.student_id where ")
            .append(scope.sql("s"));
    if (!includeDeleted) {
      inner.append(" and d.deleted_at is null");
    }
    StringBuilder scored = new StringBuilder("select x.*");
    StringBuilder where = new StringBuilder(" where 1 = 1");
    StringBuilder rank = new StringBuilder("0");
    for (int i = 0; i < words.size(); i++) {
      params.addValue("w" + i, "%" + words.get(i) + "%");
      // candidates first, from each table's own (trigram-indexed) text: without them every document
      // and student
      // was read and scored (about 1 s a call at 500,000 documents; docs/benchmarks.md, "Archive
      // scale"). A
      // superset of what the word matches below (any version's text, not only the current one's).
      inner
          .append(
              " and d.id in (select c.id from document c where c.student_id in (select cs.id from student cs")
          .append(" where cs.search_text like :w")
          .append(i)
          .append(") union select c.id from document c")
          .append(" where c.search_text like :w")
          .append(i)
          .append(" union select cv.document_id from")
          .append(" document_version cv join document_page_text ct on ct.version_id = cv.id")
          .append(" where ct.folded like :w")
          .append(i)
          .append(")");
      scored
          .append(", case when x.student_text like :w")
          .append(i)
          .append(" or x.document_text like :w")
          .append(i)
          .append(" then 1 else 0 end m")
          .append(i)
          // uncorrelated: PostgreSQL reads the word's pages once, through the trigram index, and
          // hashes them
          // (a correlated "exists" probed the index once per document in scope; docs/benchmarks.md)
          .append(", case when x.current_version in (select t.version_id from document_page_text t")
          .append(" where t.folded like :w")
          .append(i)
          .append(") then 1 else 0 end t")
          .append(i);
      where.append(" and (y.m").append(i).append(" = 1 or y.t").append(i).append(" = 1)");
      rank.append(" + ").append(INFO_WEIGHT).append(" * y.m").append(i).append(" + y.t").append(i);
    }
    String sql =
        "select y.id, y.student_number, y.first_name, y.last_name, y.faculty_code, y.current_version, "
            + rank
            + " score from ("
            + scored
            + " from ("
            + inner
            + ") x) y"
            + where
            + " order by score desc, y.id desc fetch first "
            + Math.max(1, limit)
            + " rows only";
    Map<Long, String[]> found = new LinkedHashMap<>();
    Map<Long, Long> currentVersions = new HashMap<>();
    jdbc.query(
        sql,
        params,
        rs -> {
          found.put(
              rs.getLong(1),
              new String[] {
                rs.getString(2), rs.getString(3) + " " + rs.getString(4), rs.getString(5)
              });
          currentVersions.put(rs.getLong(1), rs.getLong(6));
        });
    Map<Long, Snippet> snippets = snippets(currentVersions.values(), words, params);
    Map<Long, Document> loaded = new LinkedHashMap<>();
    documents.findAllById(found.keySet()).forEach(d -> loaded.put(d.getId(), d));
    return found.entrySet().stream()
        .filter(e -> loaded.containsKey(e.getKey()))
        .map(
            e ->
                new Hit(
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    Views.fileDocument(loaded.get(e.getKey())),
                    snippets.get(currentVersions.get(e.getKey()))))
        .toList();
  }

  /** Per version: the page matching the most words (the first such page) and its passage. */
  private Map<Long, Snippet> snippets(
      Collection<Long> versionIds, List<String> words, MapSqlParameterSource params) {
    if (versionIds.isEmpty()) {
      return Map.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "select version_id, page_no, text, folded from document_page_text"
                + " where version_id in (:versions) and (1 = 0");
    for (int i = 0; i < words.size(); i++) {
      sql.append(" or folded like :w").append(i);
    }
    sql.append(") order by version_id, page_no");
    params.addValue("versions", new ArrayList<>(versionIds));
    record Page(long version, int page, String text, int matches) {}
    List<Page> pages =
        jdbc.query(
            sql.toString(),
            params,
            (rs, i) ->
                new Page(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getString(3),
                    TextSnippets.matches(rs.getString(4), words)));
    Map<Long, Page> best = new HashMap<>();
    for (Page page : pages) {
      best.merge(
          page.version(),
          page,
          (a, b) ->
              Comparator.comparingInt(Page::matches)
                          .thenComparing(Comparator.comparingInt(Page::page).reversed())
                          .compare(a, b)
                      >= 0
                  ? a
                  : b);
    }
    Map<Long, Snippet> out = new HashMap<>();
    best.forEach(
        (version, page) -> out.put(version, TextSnippets.of(page.page(), page.text(), words)));
    return out;
  }
}
