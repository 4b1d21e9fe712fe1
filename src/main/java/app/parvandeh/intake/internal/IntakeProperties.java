package app.parvandeh.intake.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * {@code parvandeh.intake.*}: where card archives wait while they have unmatched entries, the limits an archive
 * must stay within (measured while it is read), and how many rows or entries are done at once.
 */
@ConfigurationProperties("parvandeh.intake")
public record IntakeProperties(Path batchDir, int maxBatchEntries, DataSize maxBatchInflated,
    int maxCompressionRatio, int workers) {

  public GuardedZip.Limits limits() {
    return new GuardedZip.Limits(maxBatchEntries, maxBatchInflated.toBytes(), maxCompressionRatio);
  }

  public Path archiveOf(Long batchId) {
    return batchDir.resolve("batch-" + batchId + ".zip");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IntakeProperties.class)
  static class Enabled {}
}
