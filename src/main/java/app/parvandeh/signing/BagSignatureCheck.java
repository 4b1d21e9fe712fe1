package app.parvandeh.signing;

import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The bags in a ZIP (one, as a file's export, or many, as a bulk export): for each, the detached
 * CMS signature {@code signatures/tagmanifest-sha256.txt.p7s} verified over the tag manifest, every
 * tag manifest line against its tag file, every payload manifest line against the payload's bytes,
 * and no payload file left out of the manifest. The ZIP is read once as a stream, in memory only;
 * its entries' names and inflated sizes are checked as they are read, and a hostile archive is
 * refused whole.
 */
final class BagSignatureCheck {

  static final String TAG_MANIFEST = "tagmanifest-sha256.txt";

  /**
   * In a tag folder of its own: bagit-java reads every root file named tagmanifest-* as a manifest.
   */
  static final String SIGNATURE = "signatures/" + TAG_MANIFEST + ".p7s";

  static final String PAYLOAD_MANIFEST = "manifest-sha256.txt";

  /** Limits of an archive we agree to read (the bytes as inflated, not as the headers claim). */
  record Limits(int maxEntries, long maxInflatedBytes, int maxRatio) {}

  static final Limits LIMITS = new Limits(100_000, 4L << 30, 200);

  /** Tag files are kept in memory to be parsed; anything larger is not a tag file we wrote. */
  private static final int MAX_TAG_FILE = 8 << 20;

  private static final long RATIO_GRACE_BYTES = 1 << 20;

  private BagSignatureCheck() {}

  static Verification verify(InputStream zip, byte[] officeCertificate, Limits limits)
      throws IOException {
    Entries entries = read(zip, limits);
    List<String> roots =
        entries.hashes.keySet().stream()
            .filter(p -> p.equals("bagit.txt") || p.endsWith("/bagit.txt"))
            .map(p -> p.substring(0, p.length() - "bagit.txt".length()))
            .sorted()
            .toList();
    if (roots.isEmpty()) {
      throw ParvandehException.badRequest(
          "no-bag",
          "در این ZIP هیچ بسته BagIt (پرونده bagit.txt) نیست.",
          "The ZIP holds no BagIt bag (no bagit.txt).");
    }
    List<Verification.Item> items = new ArrayList<>();
    for (String root : roots) {
      items.add(bag(root, entries, officeCertificate));
    }
    return Verification.of("BAG", items);
  }

  private static Verification.Item bag(String root, Entries entries, byte[] officeCertificate) {
    String name = root.isEmpty() ? "(bag)" : root.substring(0, root.length() - 1);
    byte[] tagManifest = entries.tagFiles.get(root + TAG_MANIFEST);
    byte[] signature = entries.tagFiles.get(root + SIGNATURE);
    List<String> changes = new ArrayList<>();
    if (tagManifest == null || signature == null) {
      changes.add((tagManifest == null ? TAG_MANIFEST : SIGNATURE) + " نیست / is missing");
      return new Verification.Item(name, false, false, null, false, null, null, false, changes);
    }
    SignatureChecks.Checked checked =
        SignatureChecks.check(signature, tagManifest, officeCertificate);
    compare(root, tagManifest, entries, changes, false);
    byte[] payloadManifest = entries.tagFiles.get(root + PAYLOAD_MANIFEST);
    if (payloadManifest == null) {
      changes.add(PAYLOAD_MANIFEST + " نیست / is missing");
    } else {
      Set<String> listed = compare(root, payloadManifest, entries, changes, true);
      for (String path : entries.hashes.keySet()) {
        if (path.startsWith(root + "data/") && !listed.contains(path.substring(root.length()))) {
          changes.add("افزوده / added: " + path.substring(root.length()));
        }
      }
    }
    Instant at = checked.signingTime();
    return new Verification.Item(
        name,
        true,
        checked.valid(),
        checked.signer(),
        checked.byOffice(),
        at,
        at == null ? null : JalaliDates.dateTime(at),
        changes.isEmpty(),
        changes);
  }

  /** Checks each "sha256 path" line; returns the paths listed. */
  private static Set<String> compare(
      String root, byte[] manifest, Entries entries, List<String> changes, boolean payload) {
    Set<String> listed = new LinkedHashSet<>();
    for (String line : new String(manifest, StandardCharsets.UTF_8).split("\\r?\\n")) {
      if (line.isBlank()) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        changes.add("سطر نادرست / malformed line: " + line);
        continue;
      }
      String expected = line.substring(0, space).strip().toLowerCase(java.util.Locale.ROOT);
      String path = decode(line.substring(space + 1).strip());
      listed.add(path);
      String actual = entries.hashes.get(root + path);
      if (actual == null) {
        changes.add("نیست / missing: " + path);
      } else if (!actual.equals(expected)) {
        changes.add("تغییر کرده / changed: " + path);
      }
    }
    if (payload && listed.isEmpty()) {
      changes.add(PAYLOAD_MANIFEST + " خالی است / is empty");
    }
    return listed;
  }

  /** BagIt 1.0 percent-encodes CR, LF and % in manifest paths. */
  private static String decode(String path) {
    return path.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  private static final class Entries {
    final Map<String, String> hashes = new LinkedHashMap<>();
    final Map<String, byte[]> tagFiles = new LinkedHashMap<>();
  }

  private static Entries read(InputStream raw, Limits limits) throws IOException {
    Entries entries = new Entries();
    CountingInput compressed = new CountingInput(raw);
    long inflated = 0;
    int count = 0;
    Set<String> seen = new TreeSet<>();
    try (ZipInputStream zip = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++count > limits.maxEntries()) {
          throw hostile(
              "بیش از " + limits.maxEntries() + " پرونده دارد",
              "it has more than " + limits.maxEntries() + " entries");
        }
        String name = checkedName(entry.getName());
        if (entry.isDirectory()) {
          continue;
        }
        if (!seen.add(name)) {
          throw hostile(
              "نام «" + name + "» دو بار آمده است", "the name " + name + " appears twice");
        }
        boolean tag = !isPayload(name);
        MessageDigest sha256 = sha256();
        java.io.ByteArrayOutputStream kept = tag ? new java.io.ByteArrayOutputStream() : null;
        byte[] buffer = new byte[64 * 1024];
        long entryBytes = 0;
        try (InputStream in = new DigestInputStream(nonClosing(zip), sha256)) {
          int read;
          while ((read = in.read(buffer)) > 0) {
            inflated += read;
            entryBytes += read;
            if (inflated > limits.maxInflatedBytes()) {
              throw hostile("باز شده بیش از اندازه مجاز است", "it inflates past the limit");
            }
            if (inflated > RATIO_GRACE_BYTES
                && inflated > (long) limits.maxRatio() * Math.max(1, compressed.count)) {
              throw hostile(
                  "نسبت فشرده‌سازی آن غیرعادی است (بمب ZIP)",
                  "its compression ratio is abnormal (a ZIP bomb)");
            }
            if (kept != null) {
              if (entryBytes > MAX_TAG_FILE) {
                kept = null;
              } else {
                kept.write(buffer, 0, read);
              }
            }
          }
        }
        entries.hashes.put(name, HexFormat.of().formatHex(sha256.digest()));
        if (kept != null) {
          entries.tagFiles.put(name, kept.toByteArray());
        }
      }
    } catch (ZipException | IllegalArgumentException e) {
      throw ParvandehException.badRequest(
          "unreadable-zip", "این فایل ZIP خوانا نیست.", "The ZIP cannot be read.");
    }
    if (count == 0) {
      throw ParvandehException.badRequest(
          "unreadable-zip",
          "این فایل ZIP خوانا نیست یا خالی است.",
          "The ZIP cannot be read or is empty.");
    }
    return entries;
  }

  /**
   * A payload file sits under a bag's data/ folder (the bag root being the top folder, or none).
   */
  private static boolean isPayload(String name) {
    return name.startsWith("data/")
        || name.indexOf('/') > 0 && name.substring(name.indexOf('/') + 1).startsWith("data/");
  }

  /** Relative, forward slashes only, no "..", no drive letters or control characters. */
  private static String checkedName(String name) {
    if (name == null
        || name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.matches("^[A-Za-z]:.*")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw hostile("نام نادرست «" + name + "» دارد", "it has an unsafe entry name: " + name);
    }
    for (String part : name.split("/")) {
      if (part.equals("..") || part.equals(".")) {
        throw hostile("نام نادرست «" + name + "» دارد", "it has an unsafe entry name: " + name);
      }
    }
    return name;
  }

  private static ParvandehException hostile(String fa, String en) {
    return ParvandehException.badRequest(
        "hostile-zip", "این ZIP پذیرفته نمی‌شود: " + fa + ".", "The ZIP is refused: " + en + ".");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the ZIP stream goes on to the next entry
      }
    };
  }

  /** Counts the compressed bytes read so far, for the ratio check. */
  private static final class CountingInput extends java.io.FilterInputStream {
    long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
