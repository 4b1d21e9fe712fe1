package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Script and template-injection payloads in names and file names travel as data: the JSON answers
 * carry them verbatim (the pages insert them as text, never as markup), and no page or form of ours
 * builds HTML from strings.
 */
@ParvandehIntegrationTest
class XssTests {

  /**
   * A script tag, an event handler, AngularJS template injection, and a quote-breaking attribute.
   */
  static final String NAME_PAYLOAD = "<img src=x onerror=alert(1)>{{7*7}}";

  static final String LAST_NAME_PAYLOAD =
      "<script>alert(2)</script>\"'><b>{{constructor.constructor('alert(3)')()}}";
  static final String FILE_PAYLOAD = "<svg onload=alert(4)>{{7*7}}'.pdf";

  /** Ways of turning a string into markup or code in a browser. */
  static final Pattern HTML_SINKS =
      Pattern.compile(
          "\\.(innerHTML|outerHTML)\\s*\\+?=|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\("
              + "|\\$sce\\.trustAsHtml|ng-bind-html|\\.html\\s*\\(");

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void payloadsInNamesAndFileNamesComeBackVerbatimAsJson() {
    Admitted admitted = admitWithPayloads(port, students, runtime, management);
    ApiClient student = admitted.api();

    Response file = student.get("/api/portal/file");
    assertThat(file.header("Content-Type")).startsWith("application/json");
    assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(file.json().at("/student/fullName").asText())
        .isEqualTo(NAME_PAYLOAD + " " + LAST_NAME_PAYLOAD);
    JsonNode photo = file.json().get("requirements").findParent("fileName");
    assertThat(photo.get("fileName").asText()).isEqualTo(FILE_PAYLOAD);

    ApiClient clerk = ApiClient.signedIn(port, "clerk.eng", "parvandeh");
    Response found = clerk.get("/api/students?q=" + admitted.student().studentNumber());
    assertThat(found.json().get(0).get("fullName").asText())
        .isEqualTo(NAME_PAYLOAD + " " + LAST_NAME_PAYLOAD);

    // The download names the file in an encoded header parameter; the bytes are never served as
    // HTML.
    Response content = clerk.get(photo.get("contentUrl").asText());
    assertThat(content.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(content.header("Content-Disposition"))
        .startsWith("attachment")
        .contains("filename*=UTF-8''%3Csvg%20onload%3Dalert%284%29%3E");
  }

  @Test
  void noPageOrFormOfOursTurnsTextIntoMarkup() throws IOException {
    List<Path> sources;
    try (Stream<Path> files =
        Stream.of(
                Path.of("src/main/resources/static"),
                Path.of("forms"),
                Path.of("src/main/resources/META-INF/resources/webjars/camunda/app"))
            .flatMap(XssTests::walk)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
              .toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      String code =
          Files.readString(source, StandardCharsets.UTF_8)
              .replaceAll("(?s)/\\*.*?\\*/", "")
              .replaceAll("(?m)^\\s*//.*$", "")
              .replaceAll("(?s)<!--.*?-->", "");
      assertThat(HTML_SINKS.matcher(code).find()).as(source + " uses an HTML sink").isFalse();
    }
    // Tasklist is AngularJS: user text in our forms sits inside an ng-non-bindable container.
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      forms
          .filter(p -> p.toString().endsWith(".html"))
          .forEach(
              form ->
                  assertThat(read(form))
                      .as(form + " keeps AngularJS away from user text")
                      .contains("ng-non-bindable"));
    }
  }

  /** A student whose names carry payloads, with one uploaded file whose name carries another. */
  record Admitted(StudentRef student, NewStudent data, ApiClient api) {}

  static Admitted admitWithPayloads(
      int port, StudentService students, RuntimeService runtime, ManagementService management) {
    NewStudent template = TestStudents.newStudent("engineering", 1402, false);
    NewStudent data =
        new NewStudent(
            template.studentNumber(),
            template.nationalId(),
            NAME_PAYLOAD,
            LAST_NAME_PAYLOAD,
            "engineering",
            Degree.BACHELOR,
            1402,
            AdmissionType.REMOTE,
            false);
    StudentRef student = students.admit(data, "admission-office");
    String instance = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    DueJobs.run(management, instance);
    ApiClient api = ApiClient.signedIn(port, student.studentNumber(), data.nationalId());
    Response uploaded =
        api.upload(
            "/api/students/" + student.studentNumber() + "/documents",
            List.of(
                new FilePart(
                    "BIRTH_CERTIFICATE",
                    FILE_PAYLOAD,
                    "application/pdf",
                    DemoFiles.pdf("payload"))));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().at("/documents/0/current/fileName").asText())
        .isEqualTo(FILE_PAYLOAD);
    return new Admitted(student, data, api);
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.exists(root)
          ? Files.walk(root).filter(Files::isRegularFile).toList().stream()
          : Stream.empty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
