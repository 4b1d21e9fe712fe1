package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every label Camunda's Tasklist, Cockpit, Admin and Welcome apps can show is in Persian: our
 * {@code fa.json} is checked against the {@code en.json} of the webjar on the classpath, so a
 * Camunda upgrade that adds labels fails here until they are translated. No Spring context: both
 * files are plain classpath resources.
 */
class WebappLocaleCoverageTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Latin-script words a Persian label may keep, each because the clerk or administrator meets it
   * as it is written: a standard's or product's name, a key on the keyboard, or a value that must
   * be typed literally.
   */
  static final Map<String, String> KEPT_ENGLISH =
      Map.ofEntries(
          Map.entry(
              "BPMN",
              "name of the process-diagram standard, shown as such in modelling tools and files"),
          Map.entry("DMN", "name of the decision-table standard"),
          Map.entry("CMMN", "name of the case-model standard"),
          Map.entry("XML", "file format the diagrams are stored in"),
          Map.entry("JSON", "file format offered for download and typed in variable editors"),
          Map.entry("CSV", "file format offered for download"),
          Map.entry("REST", "name of the engine's web interface"),
          Map.entry("API", "the engine's programming interface, named in Admin's hints"),
          Map.entry("URL", "a web address as typed in a browser"),
          Map.entry("LDAP", "name of the directory protocol Admin can be set up with"),
          Map.entry("Camunda", "the vendor's product name"),
          Map.entry(
              "CE", "Camunda's own edition mark (Community Edition) in the end-of-life banner"),
          Map.entry("Optimize", "name of a Camunda product whose permissions Admin grants"),
          Map.entry("F5", "the keyboard key that reloads the page"),
          Map.entry("CTRL", "the keyboard key printed on the keycap"),
          Map.entry("cockpit", "application id an administrator types into an authorization"),
          Map.entry("tasklist", "application id an administrator types into an authorization"),
          Map.entry("yyyy-MM-ddTHH:mm:ss", "date pattern the user must type"),
          Map.entry("YYYY-MM-DDTHH:mm:ss", "date pattern the user must type"));

  /**
   * Interpolations and markup that must survive translation exactly (angular-translate, moment,
   * printf, HTML).
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{[^}]*}}|%[sd]|\\{}|</?(?:a|b|strong|em|i|br|code|span|p|ul|ol|li|small)\\b[^>]*>|&[a-z]+;");

  private static final Pattern KEPT_WORD;

  static {
    List<String> terms = new ArrayList<>(KEPT_ENGLISH.keySet());
    terms.sort((a, b) -> b.length() - a.length());
    KEPT_WORD =
        Pattern.compile(
            "(?<![A-Za-z])(?:"
                + String.join("|", terms.stream().map(Pattern::quote).toList())
                + ")(?![A-Za-z])");
  }

  /**
   * moment.js formats: outside [brackets] only format tokens and punctuation, inside them words to
   * translate.
   */
  private static final Pattern DATE_FORMAT_KEY =
      Pattern.compile("dateLocales\\.(?:longDateFormat|calendar)\\..*");

  private static final Pattern DATE_FORMAT_TOKENS = Pattern.compile("[DdMYHhmsLT\\s,،/.:\\-]*");
  private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*]");

  private static final Pattern LATIN_OR_ASCII_DIGIT = Pattern.compile("[A-Za-z0-9]+");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAPersianEntry(String app) throws IOException {
    Map<String, JsonNode> english = labels(app, "en");
    Map<String, JsonNode> persian = labels(app, "fa");
    List<String> missing = new ArrayList<>(english.keySet());
    missing.removeAll(persian.keySet());
    System.out.printf(
        "%s: %d labels in en.json, %d in fa.json, %d missing%n",
        app, english.size(), persian.size(), missing.size());
    assertThat(missing).as("%s labels without a Persian entry", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noLabelIsLeftInEnglish(String app) throws IOException {
    Map<String, JsonNode> english = labels(app, "en");
    Map<String, JsonNode> persian = labels(app, "fa");
    List<String> untranslated = new ArrayList<>();
    english.forEach(
        (key, value) -> {
          JsonNode translated = persian.get(key);
          if (value.isTextual()
              && translated != null
              && translated.asText().equals(value.asText())
              && !mayStayAsIs(key, value.asText())) {
            untranslated.add(key + " = " + value.asText());
          }
        });
    System.out.printf(
        "%s: %d of %d labels still equal to English%n", app, untranslated.size(), english.size());
    assertThat(untranslated).as("%s labels identical to English", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyTranslationKeepsTheEnglishPlaceholders(String app) throws IOException {
    Map<String, JsonNode> english = labels(app, "en");
    Map<String, JsonNode> persian = labels(app, "fa");
    List<String> broken = new ArrayList<>();
    english.forEach(
        (key, value) -> {
          JsonNode translated = persian.get(key);
          if (value.isTextual()
              && translated != null
              && !placeholders(value.asText()).equals(placeholders(translated.asText()))) {
            broken.add(
                key
                    + ": "
                    + placeholders(value.asText())
                    + " became "
                    + placeholders(translated.asText()));
          }
        });
    assertThat(broken).as("%s labels whose interpolations or markup changed", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void persianLabelsHaveNoLatinLettersOrDigitsBeyondTheKeptTerms(String app) throws IOException {
    List<String> latin = new ArrayList<>();
    labels(app, "fa")
        .forEach(
            (key, value) -> {
              if (!value.isTextual()) {
                return;
              }
              String text =
                  DATE_FORMAT_KEY.matcher(key).matches()
                      ? bracketedOnly(value.asText())
                      : value.asText();
              String rest =
                  KEPT_WORD.matcher(PLACEHOLDER.matcher(text).replaceAll(" ")).replaceAll(" ");
              Matcher found = LATIN_OR_ASCII_DIGIT.matcher(rest);
              if (found.find()) {
                latin.add(key + ": «" + found.group() + "» in " + value.asText());
              }
            });
    System.out.printf("%s: %d Persian labels with Latin letters or digits%n", app, latin.size());
    assertThat(latin).as("%s labels with English words or Latin digits", app).isEmpty();
  }

  /**
   * A label may equal its English original when it has no words (symbols, empty), is a pure date
   * pattern, or consists only of kept terms (a file format's name, a typed pattern).
   */
  private static boolean mayStayAsIs(String key, String value) {
    if (DATE_FORMAT_KEY.matcher(key).matches()) {
      return DATE_FORMAT_TOKENS.matcher(value).matches();
    }
    String words = KEPT_WORD.matcher(PLACEHOLDER.matcher(value).replaceAll(" ")).replaceAll(" ");
    return !words.matches("(?s).*[A-Za-z].*");
  }

  private static String bracketedOnly(String format) {
    StringBuilder words = new StringBuilder();
    Matcher bracketed = BRACKETED.matcher(format);
    while (bracketed.find()) {
      words.append(bracketed.group()).append(' ');
    }
    String tokens = BRACKETED.matcher(format).replaceAll("");
    return DATE_FORMAT_TOKENS.matcher(tokens).matches() ? words.toString() : format;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replaceAll("\\s+", ""));
    }
    Collections.sort(found);
    return found;
  }

  /** The file's leaves by dotted path (array items by index), so nested keys are compared too. */
  private static Map<String, JsonNode> labels(String app, String language) throws IOException {
    String resource =
        "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    try (InputStream in =
        WebappLocaleCoverageTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      Map<String, JsonNode> leaves = new LinkedHashMap<>();
      flatten("", JSON.readTree(in), leaves);
      return leaves;
    }
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> flatten(path + field.getKey() + ".", field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + i + ".", node.get(i), leaves);
      }
    } else {
      leaves.put(path.substring(0, path.length() - 1), node);
    }
  }
}
