package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.web.UploadTempFolders.OwnFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary upload files of stopped processes go at start-up; those of running processes stay. */
class UploadTempFoldersTests {

  @TempDir Path root;

  @Test
  void aStoppedProcesssFilesAreRemovedAndTheNewProcessGetsAFolderOfItsOwn() throws Exception {
    Path stopped = Files.createDirectories(root.resolve("process-killed"));
    Files.write(stopped.resolve("upload_1234_00000001.tmp"), new byte[1024]);
    Files.createFile(stopped.resolve(UploadTempFolders.LOCK));
    Path noLockYet = Files.createDirectories(root.resolve("process-killed-before-locking"));

    try (OwnFolder own = OwnFolder.claim(root)) {
      assertThat(UploadTempFolders.removeLeftovers(root)).isEqualTo(1);
      assertThat(stopped).doesNotExist();
      assertThat(noLockYet).doesNotExist();
      assertThat(own.path()).isDirectory().hasParent(root);
      Files.write(own.path().resolve("upload_5678_00000001.tmp"), new byte[10]);
      assertThat(UploadTempFolders.removeLeftovers(root))
          .as("its own files are in flight")
          .isZero();
      assertThat(own.path().resolve("upload_5678_00000001.tmp")).exists();
    }
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void theFilesOfAnotherRunningProcessStayUntilItDies() throws Exception {
    Path other = Files.createDirectories(root.resolve("process-other-node"));
    Path inFlight = Files.write(other.resolve("upload_9999_00000001.tmp"), new byte[100]);
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                other.resolve(UploadTempFolders.LOCK).toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("LOCKED");

      assertThat(UploadTempFolders.removeLeftovers(root)).isZero();
      assertThat(inFlight).exists();

      holder.destroyForcibly();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(UploadTempFolders.removeLeftovers(root)).isEqualTo(1);
      assertThat(other).doesNotExist();
    } finally {
      holder.destroyForcibly();
    }
  }

  /**
   * Another process (another node on the shared data folder) holding its folder's lock until it is
   * killed.
   */
  static final class LockHolder {

    public static void main(String[] args) throws Exception {
      try (FileChannel channel =
              FileChannel.open(
                  Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          var lock = channel.lock()) {
        System.out.println("LOCKED");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      }
    }
  }
}
