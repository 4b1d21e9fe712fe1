package app.parvandeh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An address or a limit written in two places drifts: one copy is changed, the other is not. These
 * are spelled once in the main code, and everything else refers to that spelling.
 */
class SpelledOnceTests {

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void theTextIndexAddressIsSpelledOnce() {
    assertThat(occurrences(Pattern.quote("\"/api/documents/text-index"))).hasSize(1);
  }

  @Test
  void theLengthATasklistDescriptionIsCutToIsSpelledOnce() {
    assertThat(occurrences("\\b3900\\b")).hasSize(1);
  }

  /** Every source file and line where the pattern occurs, once per occurrence. */
  private static List<String> occurrences(String regex) {
    Pattern pattern = Pattern.compile(regex);
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .flatMap(
              p -> {
                Matcher m = pattern.matcher(read(p));
                return m.results().map(r -> MAIN.relativize(p) + " at " + r.start());
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path source) {
    try {
      return Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
