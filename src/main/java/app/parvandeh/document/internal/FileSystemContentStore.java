package app.parvandeh.document.internal;

import app.parvandeh.document.ContentCopies;
import app.parvandeh.document.ReadThrottle;
import app.parvandeh.document.StagedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed files: {@code <root>/ab/cd/abcd…} with a {@code tmp/} folder on the same
 * filesystem.
 */
class FileSystemContentStore implements BlobStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int BUFFER = 64 * 1024;

  private final Path root;
  private final Path tmp;

  FileSystemContentStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.tmp = this.root.resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the document store at " + this.root, e);
    }
  }

  @Override
  public StagedContent stage(InputStream content, long maxBytes) throws IOException {
    Path file = Files.createTempFile(tmp, "upload-", ".part");
    try {
      MessageDigest digest = ContentHashes.sha256();
      long size = 0;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
          OutputStream out =
              new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), digest)) {
        byte[] buffer = new byte[BUFFER];
        int read;
        while ((read = content.read(buffer)) != -1) {
          size += read;
          if (size > maxBytes) {
            throw new ContentTooLargeException(maxBytes);
          }
          out.write(buffer, 0, read);
        }
        out.flush();
        channel.force(true);
      }
      return new StagedContent(file, HexFormat.of().formatHex(digest.digest()), size);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  @Override
  public void commit(StagedContent staged) throws IOException {
    Path target = pathOf(staged.sha256());
    if (Files.exists(target)) {
      // Same bytes already kept: refresh the time so the sweeper's grace period covers this new
      // reference too.
      Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(Instant.now()));
      Files.deleteIfExists(staged.tempFile());
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged.tempFile(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(staged.tempFile());
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("The document store needs a filesystem with atomic rename: " + root, e);
    }
    syncDirectory(target.getParent());
  }

  @Override
  public void discard(StagedContent staged) {
    try {
      Files.deleteIfExists(staged.tempFile());
    } catch (IOException e) {
      // The sweeper removes stale temporary files later.
    }
  }

  /**
   * The stored bytes as they are, unchecked: {@link ReplicatedContentStore} verifies before it
   * serves them.
   */
  @Override
  public InputStream open(String sha256) throws IOException {
    return Files.newInputStream(pathOf(sha256));
  }

  @Override
  public ContentCopies.State check(String sha256, ReadThrottle throttle) throws IOException {
    try (InputStream in = Files.newInputStream(pathOf(sha256))) {
      return ContentHashes.sha256Of(in, throttle).equals(sha256)
          ? ContentCopies.State.OK
          : ContentCopies.State.CHANGED;
    } catch (NoSuchFileException e) {
      return ContentCopies.State.MISSING;
    }
  }

  /** Renamed over a damaged file there, atomically. */
  @Override
  public void replace(StagedContent staged) throws IOException {
    Path target = pathOf(staged.sha256());
    Files.createDirectories(target.getParent());
    try {
      Files.move(
          staged.tempFile(),
          target,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(staged.tempFile());
      throw new IOException("The document store needs a filesystem with atomic rename: " + root, e);
    }
    syncDirectory(target.getParent());
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public void forEachStored(Instant olderThan, Consumer<String> visitor) throws IOException {
    forEachAddress(olderThan, visitor);
    try (Stream<Path> temps = Files.list(tmp)) {
      temps
          .filter(p -> lastModified(p).isBefore(olderThan))
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // try again on the next sweep
                }
              });
    }
  }

  @Override
  public void forEachAddress(Instant olderThan, Consumer<String> visitor) throws IOException {
    try (Stream<Path> files = Files.walk(root, 3)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(tmp))
          .filter(p -> SHA256.matcher(p.getFileName().toString()).matches())
          .filter(p -> lastModified(p).isBefore(olderThan))
          .forEach(p -> visitor.accept(p.getFileName().toString()));
    }
  }

  @Override
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(pathOf(sha256));
  }

  Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("Not a SHA-256 content address");
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  private static Instant lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      return Instant.MAX;
    }
  }

  /** After a rename, syncing the directory makes the new name itself survive a crash (POSIX). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open directories; the file's own data is already synced.
    }
  }
}
