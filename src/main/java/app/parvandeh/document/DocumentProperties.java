package app.parvandeh.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code parvandeh.documents.*}: where bytes are kept and how large one file may be. */
@ConfigurationProperties("parvandeh.documents")
public record DocumentProperties(Path storeDir, DataSize maxFileSize) {}
