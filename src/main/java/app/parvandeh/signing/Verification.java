package app.parvandeh.signing;

import java.time.Instant;
import java.util.List;

/**
 * What a verification found: {@code valid} when every signature verifies and nothing changed since
 * it was made. {@code items}: one per PDF signature, or one per bag of a ZIP.
 */
public record Verification(
    String kind,
    boolean valid,
    boolean signedByThisOffice,
    String messageFa,
    String messageEn,
    List<Item> items) {

  /**
   * One signature and what it covers. {@code signer}: the certificate's subject; {@code signedAt}:
   * the signing time it claims (a PDF's /M entry, a bag signature's signing-time attribute); {@code
   * unchanged}: for a PDF, the signature covers the whole document (no later incremental changes);
   * for a bag, the tag manifest and every payload file still match; {@code changes} says what does
   * not.
   */
  public record Item(
      String name,
      boolean signed,
      boolean signatureValid,
      String signer,
      boolean signedByThisOffice,
      Instant signedAt,
      String signedAtJalali,
      boolean unchanged,
      List<String> changes) {}

  static Verification of(String kind, List<Item> items) {
    boolean valid =
        !items.isEmpty() && items.stream().allMatch(i -> i.signatureValid() && i.unchanged());
    boolean ours = !items.isEmpty() && items.stream().allMatch(Item::signedByThisOffice);
    String what = kind.equals("PDF") ? "سند PDF" : "بسته";
    String whatEn = kind.equals("PDF") ? "The PDF" : "The bag";
    if (items.isEmpty() || items.stream().noneMatch(Item::signed)) {
      return new Verification(
          kind, false, false, what + " امضا ندارد.", whatEn + " is not signed.", items);
    }
    if (!valid) {
      boolean broken = items.stream().anyMatch(i -> !i.signatureValid());
      return new Verification(
          kind,
          false,
          ours,
          broken
              ? "امضای " + what + " معتبر نیست: محتوای امضاشده تغییر کرده یا امضا خراب است."
              : what + " پس از امضا تغییر کرده است: " + String.join("؛ ", changes(items)),
          broken
              ? whatEn
                  + "'s signature does not verify: the signed content changed or the signature is damaged."
              : whatEn + " changed after it was signed: " + String.join("; ", changes(items)),
          items);
    }
    return new Verification(
        kind,
        true,
        ours,
        ours
            ? "امضای "
                + what
                + " معتبر است و با کلید همین اداره زده شده؛ پس از امضا تغییری نکرده است."
            : "امضای " + what + " معتبر است ولی با کلید این اداره زده نشده است.",
        ours
            ? whatEn
                + "'s signature is valid, made with this office's key, and nothing changed since."
            : whatEn + "'s signature is valid, but it was not made with this office's key.",
        items);
  }

  private static List<String> changes(List<Item> items) {
    return items.stream().flatMap(i -> i.changes().stream()).limit(20).toList();
  }
}
