package app.parvandeh.shared;

/**
 * Persian text as clerks type it: Persian or Arabic digits, Arabic ي/ك instead of Persian ی/ک,
 * zero-width non-joiners or not. {@link #normalize} folds all of these so that a search or a
 * student number still matches.
 */
public final class PersianText {

  private static final char ZWNJ = '\u200C';

  private PersianText() {}

  /**
   * Folds digits to ASCII, Arabic letter forms to Persian, drops diacritics and joiners, collapses
   * spaces (every Unicode space, a no-break space too).
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = foldChar(text.charAt(i));
      if (c == 0) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ZWNJ) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * Text as it should be kept (a name, a title): Arabic ي/ك/ى become Persian, decimal digits of any
   * script (Persian, Arabic-Indic, full-width) ASCII, direction marks, byte-order marks, kashida
   * (U+0640), zero-width spaces (U+200B) and word joiners (U+2060) go, spaces collapse to one, and
   * a zero-width non-joiner stays only once between two letters. Unlike {@link #normalize} it keeps
   * case, diacritics and the joiner that Persian spelling needs.
   */
  public static String tidy(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    boolean pendingJoiner = false;
    for (int i = 0; i < text.length(); i++) {
      char c = tidyChar(text.charAt(i));
      if (c == 0) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        pendingJoiner = false;
        continue;
      }
      if (c == ZWNJ) {
        pendingJoiner = out.length() > 0 && !pendingSpace;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
      } else if (pendingJoiner) {
        out.append(ZWNJ);
      }
      pendingSpace = false;
      pendingJoiner = false;
      out.append(c);
    }
    return out.toString();
  }

  private static char tidyChar(char c) {
    if (c > 127 && Character.isDigit(c)) {
      return asciiDigit(c);
    }
    return switch (c) {
      case 'ي', 'ى' -> 'ی';
      case 'ك' -> 'ک';
      // Kashida only stretches a word; zero-width spaces and word joiners are invisible.
      case 'ـ',
          '\u200B',
          '\u2060',
          '\u200D',
          '\u200E',
          '\u200F',
          '\uFEFF',
          '\u202A',
          '\u202B',
          '\u202C',
          '\u202D',
          '\u202E' ->
          0;
      default -> c;
    };
  }

  /**
   * Like {@link #normalize} but also removes every space: for comparing identifiers and
   * joined/split words.
   */
  public static String compact(String text) {
    return normalize(text).replace(" ", "");
  }

  /**
   * The mark a letter lost in saving leaves in a name, or -1: a question mark (what a text saved in
   * an encoding without the letter, Windows-1252 say, has in its place) or U+FFFD (what a reader
   * puts for bytes it could not decode). No person's name or programme holds either.
   */
  public static int lostLetter(String text) {
    return text.indexOf('?') >= 0 ? '?' : text.indexOf('\uFFFD') >= 0 ? '\uFFFD' : -1;
  }

  /** ASCII digits only, e.g. a student number typed as «۴۰۰۱۲۳» or "٤٠٠١٢٣" or " 400-123 ". */
  public static String digits(String text) {
    String normalized = normalize(text);
    StringBuilder out = new StringBuilder(normalized.length());
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Shows ASCII digits as Persian digits, for text a clerk reads. */
  public static String toPersianDigits(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
    }
    return out.toString();
  }

  /** A decimal digit of any script (Persian, Arabic-Indic, full-width...) as its ASCII digit. */
  private static char asciiDigit(char c) {
    return (char) ('0' + Character.digit(c, 10));
  }

  private static char foldChar(char c) {
    if (c > 127 && Character.isDigit(c)) {
      return asciiDigit(c);
    }
    switch (c) {
      case 'ي', 'ى', 'ئ':
        return 'ی';
      case 'ك':
        return 'ک';
      case 'ة':
        return 'ه';
      case 'أ', 'إ', 'ٱ':
        return 'ا';
      case 'ؤ':
        return 'و';
      case '\u200B', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', 'ـ':
        return 0;
      default:
        // Arabic diacritics (fatha, kasra, tanwin, shadda, sukun...) carry no meaning for a search.
        if (c >= '\u064B' && c <= '\u065F' || c == '\u0670') {
          return 0;
        }
        return c;
    }
  }
}
