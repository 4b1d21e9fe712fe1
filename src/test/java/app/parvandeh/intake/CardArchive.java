package app.parvandeh.intake;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Builds card archives in memory, sound or hostile, and uploads them. */
public final class CardArchive {

  private record Entry(String name, byte[] bytes) {}

  private final List<Entry> entries = new ArrayList<>();

  public static CardArchive create() {
    return new CardArchive();
  }

  public CardArchive add(String name, byte[] bytes) {
    entries.add(new Entry(name, bytes));
    return this;
  }

  CardArchive folder(String name) {
    entries.add(new Entry(name, null));
    return this;
  }

  /** A card PDF no other test has (so it is never a duplicate by accident). */
  public static byte[] pdf() {
    return DemoFiles.pdf("card " + UUID.randomUUID());
  }

  /**
   * A real one-page card PDF of about {@code kilobytes}, padded with an unreferenced stream of
   * random text so it does not compress (like a scan): for archives larger than the upload limits.
   */
  public static byte[] paddedPdf(String label, int kilobytes, java.util.Random random) {
    byte[] noise = new byte[kilobytes * 750];
    random.nextBytes(noise);
    String text = "BT /F1 18 Tf 72 720 Td (" + label + ") Tj ET";
    String payload = java.util.Base64.getEncoder().encodeToString(noise);
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length " + payload.length() + " >>\nstream\n" + payload + "\nendstream");
    StringBuilder out = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.length());
      out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = out.length();
    out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> out.append(String.format("%010d 00000 n \n", o)));
    out.append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A JPEG no other test has: a small image in a colour of its own, ending at its end marker like a
   * real scan.
   */
  public static byte[] jpeg() {
    BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
    g.fillRect(0, 0, 120, 160);
    g.setColor(Color.DARK_GRAY);
    g.drawString(UUID.randomUUID().toString().substring(0, 8), 10, 80);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Entry entry : entries) {
        ZipEntry zipEntry = new ZipEntry(entry.name());
        zip.putNextEntry(zipEntry);
        if (entry.bytes() != null) {
          zip.write(entry.bytes());
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The archive with its first entry flagged as encrypted (general-purpose bit 0 of the local
   * header).
   */
  byte[] withFirstEntryEncrypted() {
    byte[] zip = bytes();
    zip[6] |= 1;
    return zip;
  }

  public static Response upload(ApiClient api, byte[] zip) {
    return api.multipart(
        "/api/intake/batches",
        Map.of(),
        "file",
        new FilePart(null, "cards-1403.zip", "application/zip", zip));
  }

  /** Uploads and waits until the batch is done or refused. */
  public static JsonNode uploadAndWait(ApiClient api, byte[] zip) {
    Response started = upload(api, zip);
    if (started.status() != 202) {
      throw new AssertionError("batch refused: " + started);
    }
    return waitUntilDone(api, started.json().path("id").asLong());
  }

  static JsonNode waitUntilDone(ApiClient api, long id) {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = api.get("/api/intake/batches/" + id + "?rows=false").json();
      if (status.path("status").asText().matches("DONE|REFUSED")) {
        return api.get("/api/intake/batches/" + id).json();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("batch " + id + " did not finish within five minutes");
  }
}
