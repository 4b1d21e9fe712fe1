package app.parvandeh.intake.internal;

import app.parvandeh.shared.PersianText;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP archive as a stream, entry by entry, and never trusts what its headers say: sizes and
 * the compression ratio are measured on the bytes as they are inflated, names are checked before
 * anything is done with them, and nothing is unpacked to disk here. Whatever makes an archive
 * hostile stops the reading at once.
 */
public final class GuardedZip {

  /** Limits an archive must stay within; sizes are of the inflated bytes. */
  public record Limits(int maxEntries, long maxTotalBytes, int maxRatio) {}

  /** Folders and operating-system metadata are listed, not read. */
  public enum Kind {
    FILE,
    FOLDER,
    METADATA
  }

  /**
   * Sees each entry; {@code content} is the entry's inflated bytes (FILE only), guarded, and
   * closing it is a no-op.
   */
  @FunctionalInterface
  public interface Visitor {
    void visit(int entryNo, String name, Kind kind, InputStream content) throws IOException;
  }

  /** The archive is hostile; nothing should be kept of it. */
  public static final class HostileArchiveException extends RuntimeException {
    private final int entryNo;
    private final String entryName;
    private final String reasonFa;

    HostileArchiveException(int entryNo, String entryName, String reasonFa, String reasonEn) {
      super(reasonEn);
      this.entryNo = entryNo;
      this.entryName = entryName;
      this.reasonFa = reasonFa;
    }

    public int entryNo() {
      return entryNo;
    }

    public String entryName() {
      return entryName;
    }

    public String reasonFa() {
      return reasonFa;
    }

    public String reasonEn() {
      return getMessage();
    }
  }

  /** Below this much inflated data a high ratio is harmless (a small text file compresses well). */
  private static final long RATIO_GRACE_BYTES = 1 << 20;

  private static final Set<String> ARCHIVE_EXTENSIONS =
      Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "jar", "cab", "iso", "zipx");
  private static final Set<String> METADATA_NAMES = Set.of(".ds_store", "thumbs.db", "desktop.ini");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private GuardedZip() {}

  /** Reads the whole archive through the visitor; returns how many entries it had. */
  public static int read(InputStream raw, Limits limits, Visitor visitor) throws IOException {
    Counter counter = new Counter();
    CountingStream compressed =
        new CountingStream(new BufferedInputStream(raw, 64 * 1024), counter, null);
    int entryNo = 0;
    try (ZipInputStream zip = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
      while (true) {
        ZipEntry entry;
        try {
          entry = zip.getNextEntry();
        } catch (ZipException e) {
          if (String.valueOf(e.getMessage()).contains("encrypted")) {
            throw hostile(entryNo + 1, "?", "رمزگذاری شده است", "is encrypted");
          }
          throw hostile(entryNo + 1, "?", "خوانا نیست (ZIP خراب)", "cannot be read (a broken ZIP)");
        } catch (IllegalArgumentException e) {
          throw hostile(
              entryNo + 1, "?", "نامی دارد که UTF-8 نیست", "has a name that is not UTF-8");
        }
        if (entry == null) {
          return entryNo;
        }
        entryNo++;
        String name = entry.getName();
        if (entryNo > limits.maxEntries()) {
          throw hostile(
              entryNo,
              name,
              "از سقف " + fa(limits.maxEntries()) + " فایل در یک بایگانی بیشتر است",
              "exceeds the limit of " + limits.maxEntries() + " entries in one archive");
        }
        checkName(entryNo, name);
        Kind kind =
            entry.isDirectory() ? Kind.FOLDER : isMetadata(name) ? Kind.METADATA : Kind.FILE;
        InputStream content =
            new CountingStream(zip, counter, new Guard(entryNo, name, limits, counter));
        if (kind == Kind.FILE) {
          BufferedInputStream peek = new BufferedInputStream(content, 8192);
          refuseNestedArchive(entryNo, name, peek);
          visitor.visit(entryNo, name, kind, new KeepOpen(peek));
          peek.transferTo(java.io.OutputStream.nullOutputStream());
        } else {
          visitor.visit(entryNo, name, kind, InputStream.nullInputStream());
          content.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
    }
  }

  private static void checkName(int entryNo, String name) {
    if (escapes(name)) {
      throw hostile(
          entryNo,
          name,
          "مسیری دارد که از پوشه بایگانی بیرون می‌رود (.. یا مسیر مطلق یا \\)",
          "has a path that escapes the archive (.., an absolute or a backslash path)");
    }
  }

  private static boolean escapes(String name) {
    boolean escapes =
        name.startsWith("/")
            || name.indexOf('\\') >= 0
            || DRIVE.matcher(name).matches()
            || name.indexOf('\0') >= 0;
    for (String part : name.split("/")) {
      escapes |= part.equals("..");
    }
    return escapes;
  }

  /**
   * Whether a file of this name starting with {@code head} would make an archive it is put into
   * hostile (a path that escapes, or an archive itself): the watched folder keeps such a file
   * apart, so it is refused alone.
   */
  public static boolean wouldBeHostile(String name, byte[] head) {
    return escapes(name) || isArchive(name, head);
  }

  static boolean isMetadata(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String base = lower.substring(lower.lastIndexOf('/') + 1);
    return lower.startsWith("__macosx/")
        || lower.contains("/__macosx/")
        || base.startsWith("._")
        || METADATA_NAMES.contains(base);
  }

  private static void refuseNestedArchive(int entryNo, String name, BufferedInputStream content)
      throws IOException {
    content.mark(8);
    byte[] head = content.readNBytes(6);
    content.reset();
    if (isArchive(name, head)) {
      throw hostile(
          entryNo,
          name,
          "خودش یک بایگانی است (بایگانی تودرتو پذیرفته نیست)",
          "is itself an archive (nested archives are refused)");
    }
  }

  private static boolean isArchive(String name, byte[] head) {
    String lower = name.toLowerCase(Locale.ROOT);
    String extension = lower.substring(lower.lastIndexOf('.') + 1);
    boolean magic =
        head.length >= 4
            && (head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)
                || (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B
                || head[0] == 'R' && head[1] == 'a' && head[2] == 'r' && head[3] == '!'
                || head[0] == '7'
                    && head[1] == 'z'
                    && (head[2] & 0xFF) == 0xBC
                    && (head[3] & 0xFF) == 0xAF);
    return lower.contains(".") && ARCHIVE_EXTENSIONS.contains(extension) || magic;
  }

  private static HostileArchiveException hostile(int entryNo, String name, String fa, String en) {
    return new HostileArchiveException(
        entryNo,
        name,
        "فایل «"
            + name
            + "» (ردیف "
            + fa(entryNo)
            + ") "
            + fa
            + "؛ کل بایگانی رد شد و چیزی از آن ذخیره نشد.",
        "Entry '"
            + name
            + "' (#"
            + entryNo
            + ") "
            + en
            + "; the whole archive is refused and nothing was stored.");
  }

  private static String fa(long number) {
    return PersianText.toPersianDigits(String.valueOf(number));
  }

  /** Compressed bytes read from the archive and inflated bytes produced, across all entries. */
  private static final class Counter {
    long compressed;
    long inflated;
  }

  /** Checks the totals after every read, so a bomb is stopped while it inflates. */
  private record Guard(int entryNo, String name, Limits limits, Counter counter) {
    void check() {
      if (counter.inflated > limits.maxTotalBytes()) {
        throw hostile(
            entryNo,
            name,
            "حجم بازشده بایگانی را از سقف "
                + fa(limits.maxTotalBytes() >> 20)
                + " مگابایت بیشتر می‌کند",
            "takes the inflated size over the limit of " + (limits.maxTotalBytes() >> 20) + " MB");
      }
      if (counter.inflated > RATIO_GRACE_BYTES
          && counter.inflated > limits.maxRatio() * counter.compressed) {
        throw hostile(
            entryNo,
            name,
            "بیش از " + fa(limits.maxRatio()) + " برابر فشرده شده است (بمب ZIP)",
            "is compressed more than " + limits.maxRatio() + " to 1 (a ZIP bomb)");
      }
    }
  }

  /**
   * Counts bytes: the compressed stream when {@code guard} is null, otherwise an entry's inflated
   * bytes.
   */
  private static final class CountingStream extends FilterInputStream {
    private final Counter counter;
    private final Guard guard;

    CountingStream(InputStream in, Counter counter, Guard guard) {
      super(in);
      this.counter = counter;
      this.guard = guard;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      if (guard == null) {
        counter.compressed += n;
      } else {
        counter.inflated += n;
        guard.check();
      }
    }

    @Override
    public void close() {
      // The entry's stream is the archive's: the archive is closed by its reader, not by a visitor.
    }
  }

  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // see CountingStream#close
    }
  }
}
