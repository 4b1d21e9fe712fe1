package app.parvandeh.note.report;

import app.parvandeh.shared.UserText;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Persian lines for PDFBox, which neither joins Arabic-script letters nor orders mixed
 * right-to-left text: ICU shapes each logical line into presentation forms, then reorders it into
 * the visual left-to-right order PDFBox draws. Wrapping happens on logical text, so words never
 * split across lines in the wrong order.
 */
final class RtlText {

  private static final ArabicShaping SHAPER =
      new ArabicShaping(
          ArabicShaping.LETTERS_SHAPE
              | ArabicShaping.TEXT_DIRECTION_LOGICAL
              | ArabicShaping.LENGTH_GROW_SHRINK);

  private final PDFont font;
  private final IntPredicate hasGlyph;

  RtlText(PDFont font, IntPredicate hasGlyph) {
    this.font = font;
    this.hasGlyph = hasGlyph;
  }

  /**
   * The line as PDFBox must draw it: shaped, visually ordered, without joiners and characters the
   * font lacks.
   */
  String visual(String logical) {
    // Stored text's own bidi controls must not reorder the line: a file name could then read as
    // another.
    String clean =
        UserText.withoutBidiControls(logical)
            .replace('\t', ' ')
            .replace('\n', ' ')
            .replace('\r', ' ');
    String shaped;
    try {
      shaped = PersianLetterForms.apply(SHAPER.shape(clean));
    } catch (ArabicShapingException e) {
      shaped = clean;
    }
    Bidi bidi = new Bidi(shaped, Bidi.RTL);
    String ordered = bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    StringBuilder out = new StringBuilder(ordered.length());
    ordered
        .codePoints()
        .forEach(
            c -> {
              if (c == 0x200C || c == 0x200D || c == 0xFEFF) {
                return;
              }
              out.appendCodePoint(hasGlyph.test(c) ? c : '?');
            });
    return out.toString();
  }

  /** Width in points of the line drawn at this size. */
  float width(String logical, float size) {
    try {
      return font.getStringWidth(visual(logical)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Breaks logical text into logical lines no wider than {@code maxWidth}; overlong words break by
   * characters.
   */
  List<String> wrap(String logical, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : logical.strip().split("\\R")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, size) <= maxWidth) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (width(rest, size) > maxWidth && rest.length() > 1) {
          int cut = rest.length() - 1;
          while (cut > 1 && width(rest.substring(0, cut), size) > maxWidth) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
