package app.parvandeh.intake.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * {@code parvandeh.intake.*}: where card archives wait while they have unmatched entries, the
 * limits an archive must stay within (measured while it is read), how many rows or entries are done
 * at once and how many cohort rows share a transaction, the largest archive an upload may bring,
 * and the server folder watched for cards (none when {@code watchFolder} is empty).
 */
@ConfigurationProperties("parvandeh.intake")
public record IntakeProperties(
    Path batchDir,
    int maxBatchEntries,
    DataSize maxBatchInflated,
    int maxCompressionRatio,
    int workers,
    int rowsPerTransaction,
    DataSize maxBatchSize,
    String watchFolder,
    Duration watchInterval,
    Duration watchSettle) {

  public GuardedZip.Limits limits() {
    return new GuardedZip.Limits(maxBatchEntries, maxBatchInflated.toBytes(), maxCompressionRatio);
  }

  public Path archiveOf(Long batchId) {
    return batchDir.resolve("batch-" + batchId + ".zip");
  }

  /** The watched folder, if one is configured. */
  public Optional<Path> watched() {
    return watchFolder == null || watchFolder.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(watchFolder).toAbsolutePath().normalize());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IntakeProperties.class)
  static class Enabled {}
}
