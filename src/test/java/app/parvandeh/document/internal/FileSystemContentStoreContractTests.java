package app.parvandeh.document.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on a directory. */
class FileSystemContentStoreContractTests extends ContentStoreContract {

  @TempDir Path dir;

  private int stores;
  private FileSystemContentStore last;

  @Override
  BlobStore store() {
    last = new FileSystemContentStore(dir.resolve("store-" + ++stores));
    return last;
  }

  /** Damages the first store made in the test. */
  @Override
  void overwriteBehindTheStoresBack(String sha256, byte[] bytes) throws Exception {
    Files.write(new FileSystemContentStore(dir.resolve("store-1")).pathOf(sha256), bytes);
  }

  @Override
  long stagingFilesLeft() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("store-" + stores).resolve("tmp"))) {
      return files.count();
    }
  }
}
