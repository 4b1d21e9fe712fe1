package app.parvandeh.document.internal;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG or PNG is kept only if its structure ends exactly at the file's end (nothing rides along
 * after the JPEG end marker or the PNG IEND chunk), its size is sane before anything is decoded,
 * and every pixel row decodes. Large images are decoded subsampled: every byte is still read, but
 * memory stays bounded.
 */
final class ImageCheck {

  static final int MAX_SIDE_PX = 20_000;
  static final long MAX_PIXELS = 80_000_000L;
  private static final int DECODED_SIDE_PX = 2_000;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private ImageCheck() {}

  static void verify(Path file, String mediaType, String fileName) throws IOException {
    long size = Files.size(file);
    long end;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      end = ContentTypes.PNG.equals(mediaType) ? pngEnd(new DataInputStream(in)) : jpegEnd(in);
    } catch (MalformedImage e) {
      throw undecodable(fileName, e.getMessage());
    } catch (EOFException e) {
      throw ContentTypes.refusal(
          "truncated-image",
          fileName,
          "ناقص است؛ تصویر پیش از پایانش بریده شده است.",
          "is truncated: the image ends before its end marker.");
    }
    if (end < size) {
      throw ContentTypes.refusal(
          "trailing-data",
          fileName,
          "پس از پایان تصویر " + fa(size - end) + " بایت دادهٔ اضافه دارد.",
          "has " + (size - end) + " bytes of other data after the image's end marker.");
    }
    decode(file, fileName);
  }

  private static void decode(Path file, String fileName) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw undecodable(fileName, "no reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0
            || height <= 0
            || width > MAX_SIDE_PX
            || height > MAX_SIDE_PX
            || width * height > MAX_PIXELS) {
          throw ContentTypes.refusal(
              "image-too-large",
              fileName,
              "ابعاد "
                  + fa(width + "×" + height)
                  + " پیکسل دارد؛ حداکثر "
                  + fa(MAX_SIDE_PX)
                  + " پیکسل در هر ضلع و "
                  + fa(MAX_PIXELS / 1_000_000)
                  + " مگاپیکسل پذیرفته است.",
              "is "
                  + width
                  + "×"
                  + height
                  + " pixels; at most "
                  + MAX_SIDE_PX
                  + " pixels a side and "
                  + MAX_PIXELS / 1_000_000
                  + " megapixels are accepted.");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step =
            (int) Math.max(1, (Math.max(width, height) + DECODED_SIDE_PX - 1) / DECODED_SIDE_PX);
        param.setSourceSubsampling(step, step, 0, 0);
        // A raster needs no colour conversion, so CMYK scans decode too.
        if (reader.canReadRaster()) {
          reader.readRaster(0, param);
        } else {
          reader.read(0, param);
        }
        if (!warnings.isEmpty()) {
          throw undecodable(fileName, String.join("; ", warnings));
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      throw refusalFor(fileName, e);
    }
  }

  /**
   * What a failed decode means for the one who sent it. ImageIO's PNG reader wraps whatever went
   * wrong, even the server running out of memory while other work filled the heap, into "Caught
   * exception during read": that is the server's trouble, not a broken file, so it is a 503 to try
   * again (nothing was stored), never "your image is broken".
   */
  static RuntimeException refusalFor(String fileName, Throwable failure) {
    if (failure instanceof ParvandehException refusal) {
      return refusal;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof VirtualMachineError) {
        return new ParvandehException(
            503,
            "image-check-unavailable",
            "سرور هم‌اکنون نتوانست تصویر «"
                + fileName
                + "» را بررسی کند؛ چیزی ذخیره نشد. چند لحظه دیگر دوباره بفرستید.",
            "The server could not check the image '"
                + fileName
                + "' just now; nothing was stored. Send it again in a"
                + " moment.");
      }
    }
    return undecodable(fileName, failure.getMessage());
  }

  private static String fa(Object number) {
    return PersianText.toPersianDigits(String.valueOf(number));
  }

  private static RuntimeException undecodable(String fileName, String why) {
    return ContentTypes.refusal(
        "undecodable-image",
        fileName,
        "تصویر سالمی نیست و باز نمی‌شود.",
        "is not an image that decodes (" + why + ").");
  }

  /** The offset just after the IEND chunk; every chunk's checksum must hold. */
  private static long pngEnd(DataInputStream in) throws IOException {
    byte[] signature = new byte[8];
    in.readFully(signature);
    if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) {
      throw new MalformedImage("no PNG signature");
    }
    long offset = 8;
    byte[] buffer = new byte[8192];
    while (true) {
      long length = Integer.toUnsignedLong(in.readInt());
      byte[] type = new byte[4];
      in.readFully(type);
      CRC32 crc = new CRC32();
      crc.update(type);
      for (long left = length; left > 0; ) {
        int n = (int) Math.min(buffer.length, left);
        in.readFully(buffer, 0, n);
        crc.update(buffer, 0, n);
        left -= n;
      }
      if (Integer.toUnsignedLong(in.readInt()) != crc.getValue()) {
        throw new MalformedImage("a chunk's checksum does not match");
      }
      offset += 12 + length;
      if (type[0] == 'I' && type[1] == 'E' && type[2] == 'N' && type[3] == 'D') {
        return offset;
      }
    }
  }

  /**
   * The offset just after the EOI marker, walking segments and the entropy-coded data of every
   * scan.
   */
  private static long jpegEnd(InputStream in) throws IOException {
    if (read(in) != 0xFF || read(in) != 0xD8) {
      throw new MalformedImage("no JPEG start marker");
    }
    long offset = 2;
    int marker = nextMarker(in);
    offset += 2;
    while (true) {
      if (marker == 0xD9) {
        return offset;
      }
      if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
        marker = nextMarker(in);
        offset += 2;
        continue;
      }
      int length = read(in) << 8 | read(in);
      if (length < 2) {
        throw new MalformedImage("a segment has a bad length");
      }
      in.skipNBytes(length - 2);
      offset += length;
      if (marker != 0xDA) {
        marker = nextMarker(in);
        offset += 2;
        continue;
      }
      // Entropy-coded data: a 0xFF is followed by 0x00 (a stuffed byte) or a restart marker, else a
      // marker.
      while (true) {
        int b = read(in);
        offset++;
        if (b != 0xFF) {
          continue;
        }
        int next = read(in);
        offset++;
        while (next == 0xFF) {
          next = read(in);
          offset++;
        }
        if (next == 0x00 || next >= 0xD0 && next <= 0xD7) {
          continue;
        }
        marker = next;
        break;
      }
    }
  }

  private static int nextMarker(InputStream in) throws IOException {
    if (read(in) != 0xFF) {
      throw new MalformedImage("expected a JPEG marker");
    }
    int marker = read(in);
    while (marker == 0xFF) {
      marker = read(in);
    }
    return marker;
  }

  /** The file's structure is broken (not merely cut short). */
  private static final class MalformedImage extends IOException {
    MalformedImage(String message) {
      super(message);
    }
  }

  private static int read(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }
}
