package app.parvandeh.document.internal;

import app.parvandeh.document.DocumentSearch.Highlight;
import app.parvandeh.document.DocumentSearch.Snippet;
import app.parvandeh.shared.PersianText;
import java.util.ArrayList;
import java.util.List;

/**
 * The passage of a page that a search matched, in the page's own letters, with the matches marked.
 * The page is searched folded ({@link PersianText#compact}); folding maps each character to at most
 * one, so every folded position points back at the character it came from.
 */
final class TextSnippets {

  /** How many characters of context each side of the first match. */
  static final int CONTEXT = 70;

  private TextSnippets() {}

  /** How many of the folded words the folded page contains. */
  static int matches(String folded, List<String> words) {
    return (int) words.stream().filter(folded::contains).count();
  }

  static Snippet of(int page, String text, List<String> words) {
    StringBuilder folded = new StringBuilder(text.length());
    List<Integer> origin = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); i++) {
      String f = PersianText.compact(String.valueOf(text.charAt(i)));
      for (int k = 0; k < f.length(); k++) {
        folded.append(f.charAt(k));
        origin.add(i);
      }
    }
    List<int[]> found = new ArrayList<>();
    for (String word : words) {
      for (int at = folded.indexOf(word);
          at >= 0 && !word.isEmpty();
          at = folded.indexOf(word, at + word.length())) {
        found.add(new int[] {origin.get(at), origin.get(at + word.length() - 1) + 1});
      }
    }
    if (found.isEmpty()) {
      return new Snippet(page, cut(text, 0, Math.min(text.length(), 2 * CONTEXT)), List.of());
    }
    found.sort((a, b) -> Integer.compare(a[0], b[0]));
    int from = wordStart(text, Math.max(0, found.get(0)[0] - CONTEXT));
    int to = wordEnd(text, Math.min(text.length(), found.get(0)[1] + CONTEXT));
    String prefix = from > 0 ? "… " : "";
    List<Highlight> highlights = new ArrayList<>();
    int last = -1;
    for (int[] f : found) {
      if (f[0] >= from && f[1] <= to && f[0] >= last) {
        highlights.add(new Highlight(prefix.length() + f[0] - from, prefix.length() + f[1] - from));
        last = f[1];
      }
    }
    return new Snippet(page, cut(text, from, to), highlights);
  }

  private static String cut(String text, int from, int to) {
    return (from > 0 ? "… " : "")
        + text.substring(from, to).replace('\n', ' ')
        + (to < text.length() ? " …" : "");
  }

  private static int wordStart(String text, int at) {
    int i = at;
    while (i > 0 && i > at - 15 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String text, int at) {
    int i = at;
    while (i < text.length() && i < at + 15 && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
