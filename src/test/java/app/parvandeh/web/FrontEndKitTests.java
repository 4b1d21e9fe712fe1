package app.parvandeh.web;

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
 * One front-end kit (static/js/kit.js): the CSRF token, API calls and refusals are handled there,
 * and the pages and Tasklist forms use it instead of carrying their own copies (which had already
 * begun to disagree).
 */
class FrontEndKitTests {

  private static final Path STATIC = Path.of("src/main/resources/static");
  private static final Path WEBAPPS =
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  private static final Path FORMS = Path.of("forms");
  private static final Path KIT = STATIC.resolve("js/kit.js");

  @Test
  void onlyTheKitReadsTheCsrfCookie() {
    for (Path source : sources(STATIC, WEBAPPS, FORMS)) {
      if (!source.equals(KIT)) {
        assertThat(code(source))
            .as(source.toString())
            .doesNotContain("document.cookie")
            .doesNotContain("PARVANDEH-XSRF");
      }
    }
    assertThat(code(KIT)).contains("document.cookie", "PARVANDEH-XSRF");
  }

  @Test
  void noFormLoadsScriptsOrCallsTheServerByItself() {
    for (Path form : sources(FORMS)) {
      assertThat(code(form))
          .as(form.toString())
          .doesNotContain("createElement('script')")
          .doesNotContain("fetch(")
          .doesNotContain("XMLHttpRequest");
    }
    // Tasklist loads the kit and the student header once, for every form.
    assertThat(code(WEBAPPS.resolve("tasklist/scripts/config.js")))
        .contains("'../parvandeh/forms'");
    assertThat(code(WEBAPPS.resolve("parvandeh/forms.js")))
        .contains("import '/js/kit.js';", "import '/js/task-student.js';");
  }

  @Test
  void everyPageLoadsTheKitBeforeItsOwnScripts() {
    Pattern script = Pattern.compile("<script src=\"([^\"]+)\"");
    for (Path page :
        sources(STATIC).stream().filter(p -> p.toString().endsWith(".html")).toList()) {
      Matcher m = script.matcher(code(page));
      if (m.find()) {
        assertThat(m.group(1)).as(page + "'s first script").isEqualTo("/js/kit.js");
      }
    }
  }

  @Test
  void noPageOrFormNamesAStatusOrDecisionItself() {
    // The names of document statuses, review stages, degrees and audit actions come from GET
    // /api/labels (a
    // status's look, {cls: …}, stays the page's own).
    Pattern copies =
        Pattern.compile(
            "\\b(SUBMITTED|RECORDED|FACULTY|CENTRAL|BACHELOR|FILE_CREATED)\\s*:\\s*['\"]");
    for (Path source : sources(STATIC, FORMS)) {
      assertThat(copies.matcher(code(source)).find())
          .as(source + " keeps its own names of codes")
          .isFalse();
    }
  }

  private static List<Path> sources(Path... roots) {
    try (Stream<Path> files = Stream.of(roots).flatMap(FrontEndKitTests::walk)) {
      return files
          .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
          .toList();
    }
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source without its comments. */
  private static String code(Path source) {
    try {
      return Files.readString(source, StandardCharsets.UTF_8)
          .replaceAll("(?s)/\\*.*?\\*/", "")
          .replaceAll("(?m)^\\s*//.*$", "")
          .replaceAll("(?s)<!--.*?-->", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
