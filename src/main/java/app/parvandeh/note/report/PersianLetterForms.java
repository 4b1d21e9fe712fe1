package app.parvandeh.note.report;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.DecompositionType;
import com.ibm.icu.lang.UCharacter.JoiningType;
import com.ibm.icu.lang.UProperty;
import java.util.Map;

/**
 * ICU's {@code ArabicShaping} joins its neighbours to Persian-only letters (پ چ ژ ک گ ی) but leaves
 * those letters themselves unshaped, so they would print in their isolated form mid-word. After ICU
 * has shaped a logical line, this gives each such letter its contextual form from its neighbours'
 * forms (initial/medial before it, final/medial after it, or an unshaped joining letter).
 */
final class PersianLetterForms {

  /**
   * Isolated, final, initial, medial presentation forms (ژ joins only to the right: no
   * initial/medial).
   */
  private static final Map<Character, char[]> FORMS =
      Map.of(
          'پ', new char[] {'\uFB56', '\uFB57', '\uFB58', '\uFB59'},
          'چ', new char[] {'\uFB7A', '\uFB7B', '\uFB7C', '\uFB7D'},
          'ژ', new char[] {'\uFB8A', '\uFB8B', '\uFB8A', '\uFB8B'},
          'ک', new char[] {'\uFB8E', '\uFB8F', '\uFB90', '\uFB91'},
          'گ', new char[] {'\uFB92', '\uFB93', '\uFB94', '\uFB95'},
          'ی', new char[] {'\uFBFC', '\uFBFD', '\uFBFE', '\uFBFF'});

  private PersianLetterForms() {}

  /** {@code shaped}: a logical-order line after ICU's shaping. */
  static String apply(String shaped) {
    StringBuilder out = new StringBuilder(shaped);
    for (int i = 0; i < shaped.length(); i++) {
      char[] forms = FORMS.get(shaped.charAt(i));
      if (forms == null) {
        continue;
      }
      boolean joinsBefore = joinsOnward(neighbour(shaped, i, -1));
      boolean joinsAfter = acceptsJoin(neighbour(shaped, i, 1));
      int form = joinsBefore ? (joinsAfter ? 3 : 1) : (joinsAfter ? 2 : 0);
      out.setCharAt(i, forms[form]);
    }
    return out.toString();
  }

  /** The nearest character in this direction that is not a transparent mark (diacritics), or -1. */
  private static int neighbour(String text, int index, int step) {
    for (int i = index + step; i >= 0 && i < text.length(); i += step) {
      if (joiningType(text.charAt(i)) != JoiningType.TRANSPARENT) {
        return text.charAt(i);
      }
    }
    return -1;
  }

  /**
   * Whether the previous letter connects onward: an initial or medial form, or a dual-joining
   * letter.
   */
  private static boolean joinsOnward(int c) {
    if (c < 0) {
      return false;
    }
    int form = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
    if (form != DecompositionType.NONE && form != DecompositionType.CANONICAL) {
      return form == DecompositionType.INITIAL || form == DecompositionType.MEDIAL;
    }
    int type = joiningType(c);
    return type == JoiningType.DUAL_JOINING || type == JoiningType.JOIN_CAUSING;
  }

  /**
   * Whether the next letter connects back: a final or medial form, or a dual- or right-joining
   * letter.
   */
  private static boolean acceptsJoin(int c) {
    if (c < 0) {
      return false;
    }
    int form = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
    if (form != DecompositionType.NONE && form != DecompositionType.CANONICAL) {
      return form == DecompositionType.FINAL || form == DecompositionType.MEDIAL;
    }
    int type = joiningType(c);
    return type == JoiningType.DUAL_JOINING
        || type == JoiningType.RIGHT_JOINING
        || type == JoiningType.JOIN_CAUSING;
  }

  private static int joiningType(int c) {
    return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
  }
}
