package app.parvandeh.intake.internal;

import app.parvandeh.shared.PersianText;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Batch file names: {@code <student number>_<type code>.<pdf|jpg>}, digits of any script, extension
 * in any case, under any folder of the archive.
 */
public final class BatchNames {

  private static final Pattern NAME =
      Pattern.compile("([0-9]{5,20})_([A-Za-z_]+)\\.(pdf|jpg|jpeg)", Pattern.CASE_INSENSITIVE);

  private BatchNames() {}

  /** What a name says, or why it says nothing usable (then {@link #reasonEn} is set). */
  public record Parsed(String studentNumber, String typeCode, String reasonFa, String reasonEn) {

    public boolean readable() {
      return reasonEn == null;
    }
  }

  public static Parsed parse(String entryName, Set<String> typeCodes) {
    String base = entryName.substring(entryName.lastIndexOf('/') + 1);
    Matcher m = NAME.matcher(PersianText.tidy(base).replace(" ", ""));
    if (!m.matches()) {
      return new Parsed(
          null,
          null,
          "نام فایل به شکل «شماره‌دانشجویی_نوع‌مدرک.pdf یا .jpg» نیست.",
          "The file name is not <student number>_<type code>.<pdf|jpg>.");
    }
    String type = m.group(2).toUpperCase(Locale.ROOT);
    if (!typeCodes.contains(type)) {
      return new Parsed(
          m.group(1),
          type,
          "نوع مدرک «" + type + "» شناخته نیست؛ EXAM_CARD یا CONFIDENTIAL_REPORT_CARD.",
          "Unknown document type '" + type + "'; expected EXAM_CARD or CONFIDENTIAL_REPORT_CARD.");
    }
    return new Parsed(m.group(1), type, null, null);
  }
}
