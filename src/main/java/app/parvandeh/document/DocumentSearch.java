package app.parvandeh.document;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.FileScope;
import java.util.List;

/**
 * Finds documents by student number, national ID, name, document type, description words, and words
 * inside the current version's text (document_page_text, filled by {@link DocumentTextIndex}). Both
 * sides are folded by {@link PersianText#compact} (digits, Arabic/Persian letters, joiners,
 * spaces), so a variant spelling still matches; every word must match the student, the document's
 * information or its text. Documents matching more words in their information, then more words in
 * their text, come first; a text match shows its page and passage.
 */
public interface DocumentSearch {

  /**
   * A found document with the student whose file holds it, and where its text matched (null: it did
   * not).
   */
  record Hit(
      String studentNumber,
      String studentName,
      String facultyCode,
      FileDocumentView document,
      Snippet text) {}

  /**
   * A passage of the current version's text on {@code page} (from 1), in its own letters, matches
   * marked.
   */
  record Snippet(int page, String text, List<Highlight> highlights) {}

  /** A match inside {@link Snippet#text}: [start, end) in UTF-16 units. */
  record Highlight(int start, int end) {}

  /**
   * The best {@code limit} documents matching every word of the query in the files of the scope;
   * documents deleted for correction only with {@code includeDeleted} (for those who see
   * deletions).
   */
  List<Hit> search(String query, FileScope scope, boolean includeDeleted, int limit);
}
