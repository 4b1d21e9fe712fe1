package app.parvandeh.security;

import app.parvandeh.shared.PersianText;
import app.parvandeh.support.TestStudents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many files in one go, written straight into the tables (no process, no account, no blob: only
 * lists read them): each student carries this fixture's own word in their name and one note; a
 * cleared student's note is the clearance-complete note. Documents carrying the word are given
 * separately. Students made later sort after earlier ones by number; documents made later come
 * first in document search (newest first among equal matches). Removed again by {@link #remove()},
 * so other tests' counts and exports never see them.
 */
final class ScopedFilesFixture {

  private final JdbcTemplate jdbc;

  /** This fixture's own word: in every name and description, in no other test's. */
  final String word;

  private final String numberPrefix;
  private final List<Long> students = new ArrayList<>();
  private int made;

  ScopedFilesFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    String alphabet = "بپتثجچحخدذرزسشصضطظعغفقکگلمنوهی";
    StringBuilder letters = new StringBuilder("دامنه");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      letters.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    this.word = letters.toString();
    this.numberPrefix = "9" + (100000 + random.nextInt(900000));
  }

  /** Some of the fixture's files: their ids and student numbers, in order. */
  record Files(List<Long> ids, List<String> numbers) {}

  /** {@code count} files of the faculty, cleared or not. */
  Files files(String facultyCode, int count, boolean cleared) {
    Instant now = Instant.now();
    List<String> numbers = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String number = numberPrefix + String.format("%05d", made++);
      String nationalId = TestStudents.nationalId();
      numbers.add(number);
      rows.add(
          new Object[] {
            number,
            nationalId,
            "سارا",
            word,
            String.join(
                "|",
                PersianText.compact(number),
                PersianText.compact(nationalId),
                PersianText.compact("سارا"),
                PersianText.compact(word)),
            facultyCode,
            "scope-" + number,
            Timestamp.from(now)
          });
    }
    jdbc.batchUpdate(
        "insert into student (student_number, national_id, first_name, last_name, search_text,"
            + " faculty_code, degree, entry_year, admission_type, brilliant_talent, status, stage, user_id, created_at,"
            + " row_version) values (?, ?, ?, ?, ?, ?, 'BACHELOR', 1398, 'REMOTE', false, 'ACTIVE', 'GRADUATION', ?, ?,"
            + " 0)",
        rows);
    List<Long> ids = new ArrayList<>();
    for (String number : numbers) {
      ids.add(
          jdbc.queryForObject(
              "select id from student where student_number = ?", Long.class, number));
    }
    students.addAll(ids);
    jdbc.batchUpdate(
        "insert into note (student_id, kind, body, author, created_at) values (?, ?, ?,"
            + " 'central.records', ?)",
        ids.stream()
            .map(
                id ->
                    new Object[] {
                      id,
                      cleared ? "CLEARANCE_COMPLETE" : "CLEARANCE_MISSING",
                      word,
                      Timestamp.from(now)
                    })
            .toList());
    return new Files(ids, numbers);
  }

  /** One document carrying the word in each of these files, in order; their ids. */
  List<Long> documents(List<Long> studentIds) {
    Instant now = Instant.now();
    List<Long> ids = new ArrayList<>();
    for (Long studentId : studentIds) {
      jdbc.update(
          "insert into document (student_id, type_code, stage, status, description, created_at, created_by,"
              + " row_version, source, search_text) values (?, 'STUDY_LEAVE_APPROVAL', 'DURING_STUDY', 'RECORDED', ?, ?,"
              + " 'clerk.eng', 0, 'OFFICE_AUTOMATION', ?)",
          studentId,
          word,
          Timestamp.from(now),
          PersianText.compact(word));
      long id =
          jdbc.queryForObject(
              "select max(id) from document where student_id = ?", Long.class, studentId);
      jdbc.update(
          "insert into document_version (document_id, version_no, content_sha256, size_bytes, media_type,"
              + " file_name, uploaded_at, uploaded_by) values (?, 1, ?, 1, 'application/pdf', 'نامه.pdf', ?,"
              + " 'clerk.eng')",
          id,
          "0".repeat(64),
          Timestamp.from(now));
      ids.add(id);
    }
    return ids;
  }

  /** Removes every row this fixture wrote (and the documents it gave to other students). */
  void remove() {
    jdbc.update(
        "delete from document_version where document_id in (select id from document where description = ?)",
        word);
    jdbc.update("delete from document where description = ?", word);
    for (Long id : students) {
      jdbc.update("delete from note where student_id = ?", id);
    }
    jdbc.update("delete from student where last_name = ?", word);
  }
}
