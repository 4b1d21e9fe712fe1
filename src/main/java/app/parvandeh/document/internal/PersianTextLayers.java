package app.parvandeh.document.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts extracted Persian text into logical order with base letters, before it is stored and folded
 * for search. Many PDF producers draw Persian glyph by glyph left to right, so a text layer reads
 * back reversed ("همان" for «نامه»), or with the Arabic presentation forms (U+FB50–U+FEFF) of the
 * shaped glyphs; Tesseract puts bidi marks around numbers, spaces out the letters of a word and,
 * next to digits, turns a year-first date around. The letter-variant and digit folding stays in
 * {@link app.parvandeh.shared.PersianText}.
 */
final class PersianTextLayers {

  /**
   * Frequent Persian words that are not palindromes: a page reads them as they are when in logical
   * order, reversed when the producer wrote it visually.
   */
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "از",
          "به",
          "در",
          "که",
          "این",
          "با",
          "را",
          "است",
          "برای",
          "های",
          "آن",
          "یا",
          "شد",
          "شده",
          "نامه",
          "شماره",
          "سال",
          "تاریخ",
          "دانشجو",
          "دانشجوی",
          "دانشگاه",
          "دانشکده",
          "پرونده",
          "مورد",
          "تحصیلی",
          "گواهی",
          "ریاست",
          "اداره",
          "خانم",
          "آقای",
          "کد",
          "نام",
          "تحصیل",
          "بود",
          "کارشناسی",
          "می",
          "بر",
          "تا",
          "هر",
          "نیز",
          "باشد",
          "دارد",
          "ملی",
          "مدرک",
          "مهندسی",
          "علوم");

  private static final char ZWNJ = '\u200C';

  /**
   * Direction marks and embeddings Tesseract and some producers put around numbers and Latin words.
   */
  private static final Pattern BIDI_CONTROLS =
      Pattern.compile("[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]");

  /** Three or more letters each standing alone: one word Tesseract spaced out. */
  private static final Pattern SPACED_LETTERS =
      Pattern.compile(
          "(?<![\\p{IsArabic}\\p{L}])\\p{IsArabic}(?: \\p{IsArabic}){2,}(?![\\p{IsArabic}\\p{L}])");

  /**
   * A day/month/year date, as OCR turns a Persian year-first date around when it reads digits left
   * to right.
   */
  private static final Pattern TURNED_DATE =
      Pattern.compile(
          "(?<![\\p{Nd}/])(\\p{Nd}{1,2})/(\\p{Nd}{1,2})/(\\p{Nd}{4})" + "(?![\\p{Nd}/])");

  private PersianTextLayers() {}

  /** A PDF page's text layer: base letters, lines in logical order if the page reads reversed. */
  static String fromTextLayer(String page) {
    boolean visualByForms = presentationFormEvidence(page) < 0;
    String letters = baseLetters(strip(page));
    boolean reversed = visualByForms || wordEvidence(letters) < 0;
    if (!reversed) {
      return tidyLines(letters);
    }
    List<String> lines = new ArrayList<>();
    for (String line : letters.split("\n", -1)) {
      lines.add(reverseVisualLine(line));
    }
    return tidyLines(String.join("\n", lines));
  }

  /** Tesseract's output: no bidi marks, spaced-out letters joined, year-first dates put back. */
  static String fromOcr(String text) {
    String out = baseLetters(strip(text));
    out =
        SPACED_LETTERS
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(m.group().replace(" ", "")));
    if (containsArabicLetter(out)) {
      out =
          TURNED_DATE
              .matcher(out)
              .replaceAll(
                  m ->
                      Integer.parseInt(digitsOf(m.group(1))) <= 31
                          ? m.group(3) + "/" + m.group(2) + "/" + m.group(1)
                          : m.group());
    }
    return tidyLines(out);
  }

  /**
   * Presentation forms to the letters they shape (NFKC of those two blocks only: other text is left
   * as it is).
   */
  static String baseLetters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFC) {
                out.append(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * A line in visual order (left to right as drawn) to logical order: the whole line is reversed,
   * then each run of left-to-right text inside it (digits, Latin, with the separators between them)
   * is turned back, and brackets swap sides, as a right-to-left paragraph's display would have
   * done.
   */
  static String reverseVisualLine(String line) {
    if (!containsArabicLetter(line)) {
      return line;
    }
    int[] cps = new StringBuilder(line).reverse().codePoints().toArray();
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < cps.length) {
      if (isLeftToRight(cps[i])) {
        int end = i;
        while (end + 1 < cps.length
            && (isLeftToRight(cps[end + 1])
                || end + 2 < cps.length
                    && joinsLeftToRight(cps[end], cps[end + 1], cps[end + 2]))) {
          end++;
        }
        for (int k = end; k >= i; k--) {
          out.appendCodePoint(cps[k]);
        }
        i = end + 1;
      } else {
        out.appendCodePoint(mirrored(cps[i]));
        i++;
      }
    }
    return out.toString();
  }

  /** Positive: the page's words read as Persian; negative: reversed. */
  static int wordEvidence(String text) {
    int score = 0;
    for (String token : text.split("[^\\p{IsArabic}\\u200C]+")) {
      String word = token.replace(String.valueOf(ZWNJ), "");
      if (word.length() < 2) {
        continue;
      }
      String reversed = new StringBuilder(word).reverse().toString();
      if (word.equals(reversed)) {
        continue;
      }
      if (COMMON_WORDS.contains(word) || word.startsWith("می") && word.length() > 3) {
        score++;
      }
      if (COMMON_WORDS.contains(reversed) || reversed.startsWith("می") && reversed.length() > 3) {
        score--;
      }
    }
    return score;
  }

  /**
   * Positive: shaped glyphs follow each other as written (an initial form before a medial or final
   * one); negative: as drawn left to right (a final form before a medial or initial one).
   */
  static int presentationFormEvidence(String text) {
    int score = 0;
    int previous = Form.NONE;
    for (int i = 0; i < text.length(); i++) {
      int form = Form.of(text.charAt(i));
      if ((previous == Form.INITIAL || previous == Form.MEDIAL)
          && (form == Form.MEDIAL || form == Form.FINAL)) {
        score++;
      } else if ((previous == Form.FINAL || previous == Form.MEDIAL)
          && (form == Form.MEDIAL || form == Form.INITIAL)) {
        score--;
      }
      previous = form;
    }
    return score;
  }

  private static final class Form {
    static final int NONE = 0;
    static final int INITIAL = 1;
    static final int MEDIAL = 2;
    static final int FINAL = 3;

    static int of(char c) {
      if (c < 0xFB50 || c > 0xFEFC || c > 0xFDFF && c < 0xFE70) {
        return NONE;
      }
      String name = Character.getName(c);
      if (name == null) {
        return NONE;
      }
      if (name.endsWith("INITIAL FORM")) {
        return INITIAL;
      }
      if (name.endsWith("MEDIAL FORM")) {
        return MEDIAL;
      }
      return name.endsWith("FINAL FORM") ? FINAL : NONE;
    }
  }

  private static String strip(String text) {
    return BIDI_CONTROLS.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
  }

  /**
   * Spaces collapsed, no joiner next to a space or doubled, no trailing blanks, at most one empty
   * line.
   */
  private static String tidyLines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int blank = 0;
    for (String raw : text.split("\n", -1)) {
      String line =
          raw.replaceAll("\u200C{2,}", String.valueOf(ZWNJ))
              .replaceAll("\u200C(?=[ \\t\\u00A0]|$)", "")
              .replaceAll("(^|[ \\t\\u00A0])\u200C", "$1")
              .replaceAll("[ \\t\\u00A0]+", " ")
              .strip();
      if (line.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      out.append(line);
    }
    return out.toString();
  }

  private static boolean containsArabicLetter(String text) {
    return text.codePoints()
        .anyMatch(
            c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                    && Character.isLetter(c));
  }

  private static boolean isLeftToRight(int c) {
    byte d = Character.getDirectionality(c);
    return d == Character.DIRECTIONALITY_LEFT_TO_RIGHT
        || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER
        || d == Character.DIRECTIONALITY_ARABIC_NUMBER;
  }

  /**
   * Whether a neutral between two left-to-right characters belongs to their run: a separator inside
   * a number or date, or a space between Latin words (a space between two numbers splits them, as
   * in a right-to-left line).
   */
  private static boolean joinsLeftToRight(int before, int c, int after) {
    if (!isLeftToRight(after)) {
      return false;
    }
    if (c == ' ') {
      return Character.isLetter(before) && Character.isLetter(after);
    }
    return c == '/' || c == '.' || c == ':' || c == '-' || c == ',' || c == '٫' || c == '٬';
  }

  private static int mirrored(int c) {
    return switch (c) {
      case '(' -> ')';
      case ')' -> '(';
      case '[' -> ']';
      case ']' -> '[';
      case '«' -> '»';
      case '»' -> '«';
      default -> c;
    };
  }

  private static String digitsOf(String digits) {
    StringBuilder out = new StringBuilder();
    digits.codePoints().forEach(c -> out.append(Character.digit(c, 10)));
    return out.toString();
  }
}
