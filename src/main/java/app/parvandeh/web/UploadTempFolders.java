package app.parvandeh.web;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat streams every multipart part to a temporary file and deletes it when the request ends, but
 * a killed process leaves its files behind, and Tomcat's default folder is a new one under {@code
 * /tmp} on every start, so nobody ever found them. Here each running process writes into a folder
 * of its own under {@code spring.servlet.multipart.location} (in the data folder) and holds a file
 * lock on it while it runs. At start-up, before the server accepts a request, every folder whose
 * lock is free is deleted: its process is gone, so none of its uploads is still in flight. Nodes
 * that share the data folder (docker-compose.yml) never delete each other's running uploads; the
 * operating system releases a killed process's locks.
 */
@Configuration(proxyBeanMethods = false)
class UploadTempFolders {

  private static final Logger log = LoggerFactory.getLogger(UploadTempFolders.class);
  static final String LOCK = ".in-use";

  /**
   * Folders claimed in this JVM: never opened here again, since closing any channel on a lock file
   * drops the lock.
   */
  private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

  @Bean
  OwnFolder uploadTempFolder(MultipartProperties properties) {
    Path root = Path.of(properties.getLocation()).toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      OwnFolder own = OwnFolder.claim(root);
      removeLeftovers(root);
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the upload folder " + root, e);
    }
  }

  /** Spring Boot's multipart settings, with this process's own folder as the location. */
  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties properties, OwnFolder folder) {
    MultipartConfigElement configured = properties.createMultipartConfig();
    return new MultipartConfigElement(
        folder.path().toString(),
        configured.getMaxFileSize(),
        configured.getMaxRequestSize(),
        configured.getFileSizeThreshold());
  }

  /** Deletes the folders of processes that no longer run; returns how many files went. */
  static int removeLeftovers(Path root) throws IOException {
    List<Path> folders;
    try (Stream<Path> children = Files.list(root)) {
      folders =
          children.filter(Files::isDirectory).filter(folder -> !CLAIMED.contains(folder)).toList();
    }
    int removed = 0;
    for (Path folder : folders) {
      try (FileChannel channel =
              FileChannel.open(
                  folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(channel)) {
        if (lock == null) {
          continue;
        }
        removed += deleteFiles(folder);
      } catch (IOException e) {
        log.warn("Could not remove the upload leftovers in {}", folder, e);
        continue;
      }
      Files.deleteIfExists(folder.resolve(LOCK));
      Files.deleteIfExists(folder);
    }
    if (removed > 0) {
      log.info("Removed {} temporary upload files left by stopped processes", removed);
    }
    return removed;
  }

  /** The lock, or null when a running process (this one included) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  private static int deleteFiles(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(path -> !path.equals(folder) && !path.getFileName().toString().equals(LOCK))
              .sorted(Comparator.reverseOrder())
              .toList();
    }
    int removed = 0;
    for (Path file : files) {
      removed += Files.isDirectory(file) ? 0 : 1;
      Files.deleteIfExists(file);
    }
    return removed;
  }

  /** This process's folder, locked until the application stops; then it is removed. */
  static final class OwnFolder implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OwnFolder(Path path, FileChannel channel, FileLock lock) {
      this.path = path;
      this.channel = channel;
      this.lock = lock;
    }

    static OwnFolder claim(Path root) throws IOException {
      Path path = Files.createTempDirectory(root, "process-");
      FileChannel channel =
          FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        OwnFolder own = new OwnFolder(path, channel, channel.lock());
        CLAIMED.add(path);
        return own;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    Path path() {
      return path;
    }

    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
      deleteFiles(path);
      Files.deleteIfExists(path.resolve(LOCK));
      Files.deleteIfExists(path);
      CLAIMED.remove(path);
    }
  }
}
