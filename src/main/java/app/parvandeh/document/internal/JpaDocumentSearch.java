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
    String sql = sql(words.size(), scope.sql("fs"), includeDeleted, Math.max(1, limit));
    for (int i = 0; i < words.size(); i++) {
      params.addValue("w" + i, "%" + words.get(i) + "%");
    }
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

  /**
   * The best {@code limit} documents, ranked and cut in the database before any document or student
   * row is read for its columns. Each word {@code :wN} contributes rows flagged {@code mN} (the
   * word is in the student's or the document's information: a trigram-indexed match on either
   * table) and {@code tN} (it is in the current version's text); a document is a hit when every
   * word flags it once or more, and scores {@value #INFO_WEIGHT} per word in its information plus 1
   * per word in its text. The scope and the deletion rule are applied in every branch, so the
   * ranking only sees documents the caller may find. Before, every candidate was joined to its
   * document and student and its words matched again, row by row: for a common name (a word that is
   * part of thousands of students' names) that was 0.4–0.6 s of the database's time, with a
   * sequential scan of the document table (docs/benchmarks.md, "Archive scale").
   */
  private static String sql(int wordCount, String scoped, boolean includeDeleted, int limit) {
    String live = includeDeleted ? "" : " and fd.deleted_at is null";
    StringBuilder rows = new StringBuilder();
    StringBuilder flags = new StringBuilder();
    StringBuilder score = new StringBuilder("0");
    StringBuilder every = new StringBuilder("1 = 1");
    for (int i = 0; i < wordCount; i++) {
      String w = ":w" + i;
      String info = flagColumns(wordCount, "m" + i);
      String text = flagColumns(wordCount, "t" + i);
      rows.append(rows.isEmpty() ? "" : " union all ")
          // the word in the student's information: every document of each such student
          .append("select fd.id")
          .append(info)
          .append(" from student fs join document fd on fd.student_id = fs.id")
          .append(" where fs.search_text like ")
          .append(w)
          .append(live)
          .append(" and ")
          .append(scoped)
          // in the document's own information
          .append(" union all select fd.id")
          .append(info)
          .append(" from document fd join student fs on fs.id = fd.student_id")
          .append(" where fd.search_text like ")
          .append(w)
          .append(live)
          .append(" and ")
          .append(scoped)
          // in the current version's text (the text of an older version does not count)
          .append(" union all select fd.id")
          .append(text)
          .append(" from document_version fv join document fd on fd.id = fv.document_id")
          .append(" join student fs on fs.id = fd.student_id")
          .append(
              " where fv.id in (select t.version_id from document_page_text t where t.folded like ")
          .append(w)
          .append(") and fv.id = (select max(lv.id) from document_version lv")
          .append(" where lv.document_id = fv.document_id)")
          .append(live)
          .append(" and ")
          .append(scoped);
      flags.append(", max(f.m").append(i).append(") m").append(i);
      flags.append(", max(f.t").append(i).append(") t").append(i);
      score.append(" + ").append(INFO_WEIGHT).append(" * max(f.m").append(i).append(")");
      score.append(" + max(f.t").append(i).append(")");
      every.append(" and (max(f.m").append(i).append(") = 1 or max(f.t").append(i).append(") = 1)");
    }
    return "select d.id, s.student_number, s.first_name, s.last_name, s.faculty_code,"
        + " (select max(v.id) from document_version v where v.document_id = d.id) current_version"
        + " from (select f.id, "
        + score
        + " score from ("
        + rows
        + ") f group by f.id having "
        + every
        + " order by score desc, f.id desc fetch first "
        + limit
        + " rows only) k join document d on d.id = k.id join student s on s.id = d.student_id"
        + " order by k.score desc, d.id desc";
  }

  /** The flag columns of one branch: 1 for {@code set}, 0 for every other word's flags. */
  private static String flagColumns(int wordCount, String set) {
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < wordCount; i++) {
      for (String flag : new String[] {"m" + i, "t" + i}) {
        columns.append(", ").append(flag.equals(set) ? 1 : 0).append(" ").append(flag);
      }
    }
    return columns.toString();
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
