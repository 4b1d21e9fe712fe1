package app.parvandeh.intake.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * {@code parvandeh.intake.*}: where card archives wait while they have unmatched entries, the
 * limits an archive must stay within (measured while it is read), how many rows or entries are done
 * at once and how many cohort rows share a transaction, the largest archive an upload may bring,
 * the server folder watched for cards (none when {@code watchFolder} is empty), and how many failed
 * attempts (failures that are not refusals) a row or entry gets before it is given up.
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
    Duration watchSettle,
    @DefaultValue("3") int maxAttempts) {

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
