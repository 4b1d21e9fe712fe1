package app.parvandeh.document;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code parvandeh.documents.*}: where bytes are kept and how large one file may be. {@code replicaDir} is the
 * second copy's directory (another disk or place); unset, there is one copy only. The replica catches up every
 * {@code replicaCatchUpDelay}.
 */
@ConfigurationProperties("parvandeh.documents")
public record DocumentProperties(Path storeDir, DataSize maxFileSize, Path replicaDir, Duration replicaCatchUpDelay) {}
