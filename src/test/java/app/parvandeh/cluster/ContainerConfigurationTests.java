package app.parvandeh.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.document.DocumentProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run on the build machines, so what can be checked without it is: the compose
 * file's environment binds to the application's real configuration (its {@code application.yml}
 * placeholders and the {@code @ConfigurationProperties} classes, through Spring's own relaxed
 * binding of environment variables) and every variable it passes has an effect; the Dockerfile
 * starts the jar the Maven build makes; the proxy points at the nodes' ports.
 */
class ContainerConfigurationTests {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[?-][^}]*)?}");

  @Test
  void theNodesEnvironmentBindsToTheApplicationsConfiguration() throws Exception {
    Map<String, Object> env = nodeEnvironment("node1");

    Map<String, Object> bound = bind(env);

    assertThat(bound)
        .containsEntry("profiles", "postgres")
        .containsEntry("datasource.url", "jdbc:postgresql://postgres:5432/parvandeh")
        .containsEntry("datasource.username", "parvandeh")
        .containsEntry("datasource.password", "sample-PARVANDEH_DB_PASSWORD")
        .containsEntry("data-dir", "/data")
        .containsEntry("admin.id", "admin")
        .containsEntry("admin.password", "sample-PARVANDEH_ADMIN_PASSWORD")
        .containsEntry("job-lock-ms", 120000L)
        .containsEntry("forward-headers", ServerProperties.ForwardHeadersStrategy.NATIVE);
    for (String copy : List.of("primary", "replica")) {
      assertThat(bound).containsEntry(copy + ".type", DocumentProperties.Kind.S3);
      DocumentProperties.S3 s3 = (DocumentProperties.S3) bound.get(copy + ".s3");
      assertThat(s3.endpoint()).isEqualTo(URI.create("http://minio:9000"));
      assertThat(s3.bucket())
          .isEqualTo(copy.equals("primary") ? "parvandeh-documents" : "parvandeh-replica");
      assertThat(s3.accessKey()).isEqualTo("parvandeh");
      assertThat(s3.secretKey()).isEqualTo("sample-PARVANDEH_S3_SECRET");
      assertThat(s3.pathStyle()).isTrue();
      assertThat(s3.checksumSha256()).isTrue();
    }
    assertThat(nodeEnvironment("node2")).isEqualTo(env);
  }

  /**
   * A misspelt variable binds nothing and is silently ignored at run time: here changing its value
   * changes nothing the application reads, and the test fails. (A value the application cannot
   * convert counts as read.)
   */
  @Test
  void everyVariableTheComposeFilePassesIsReadByTheApplication() throws Exception {
    Map<String, Object> env = nodeEnvironment("node1");
    Map<String, Object> all = bind(env);
    List<String> unread = new ArrayList<>();
    for (Map.Entry<String, Object> variable : env.entrySet()) {
      Map<String, Object> changed = new LinkedHashMap<>(env);
      String value = String.valueOf(variable.getValue());
      changed.put(
          variable.getKey(),
          value.equals("true")
              ? "false"
              : value.matches("\\d+") ? String.valueOf(Long.parseLong(value) + 1) : "x" + value);
      try {
        if (bind(changed).equals(all)) {
          unread.add(variable.getKey());
        }
      } catch (RuntimeException refused) {
        // bound, and refused: read
      }
    }
    assertThat(unread).isEmpty();
    assertThat(env).hasSizeGreaterThan(20);
  }

  @Test
  void theImageStartsTheJarTheMavenBuildMakesAsAUserWithoutRights() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    var pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("pom.xml").toFile());
    String artifact =
        childText(pom.getDocumentElement(), "artifactId")
            + "-"
            + childText(pom.getDocumentElement(), "version")
            + ".jar";

    Matcher copy =
        Pattern.compile("COPY --from=build /build/target/(\\S+) (\\S+)").matcher(dockerfile);
    assertThat(copy.find()).as("the jar is copied from the build stage").isTrue();
    assertThat(copy.group(1)).isEqualTo(artifact);
    assertThat(dockerfile)
        .contains(
            "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\","
                + " \"-jar\", \""
                + copy.group(2)
                + "\"]");
    assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
    // what the build stage copies is what the build reads: the POM's resource folders, the sources
    for (String folder : List.of("src", "processes", "forms")) {
      assertThat(dockerfile).contains("COPY " + folder + " " + folder);
      assertThat(ROOT.resolve(folder)).isDirectory();
    }
    assertThat(dockerfile).contains("EXPOSE " + bind(Map.of()).get("port"));
    assertThat(bind(Map.of()).get("data-dir"))
        .as("the image's ENV names the volume")
        .isEqualTo("/data");
    assertThat(dockerfile).contains("VOLUME /data");
  }

  @Test
  void theProxySendsToBothNodesOnThePortTheyListenOn() throws Exception {
    Map<String, Object> services = services();
    @SuppressWarnings("unchecked")
    Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");
    @SuppressWarnings("unchecked")
    List<String> volumes = (List<String>) proxy.get("volumes");
    String mounted = volumes.get(0).split(":")[0];
    String config = Files.readString(ROOT.resolve(mounted));

    Set<String> upstream = new TreeSet<>();
    Matcher server = Pattern.compile("server (\\S+):(\\d+)").matcher(config);
    while (server.find()) {
      upstream.add(server.group(1) + ":" + server.group(2));
    }
    Object port = bind(nodeEnvironment("node1")).get("port");
    Set<String> nodes = new TreeSet<>();
    services.forEach(
        (name, service) -> {
          if (((Map<?, ?>) service).containsKey("build")) {
            nodes.add(name + ":" + port);
          }
        });
    assertThat(nodes).containsExactly("node1:8080", "node2:8080");
    assertThat(upstream).isEqualTo(nodes);
    Matcher body = Pattern.compile("client_max_body_size (\\d+)m;").matcher(config);
    assertThat(body.find()).isTrue();
    assertThat(Long.parseLong(body.group(1)) * 1024 * 1024)
        .as("the proxy lets the largest upload request through")
        .isGreaterThanOrEqualTo((Long) bind(nodeEnvironment("node1")).get("max-request-bytes"));
  }

  /**
   * What the application reads from this environment, through application.yml and its postgres
   * profile.
   */
  private static Map<String, Object> bind(Map<String, Object> composeEnv) throws IOException {
    // the container's environment: the image's ENV lines, then the compose file's (which win)
    Map<String, Object> env = new LinkedHashMap<>(dockerfileEnvironment());
    env.putAll(composeEnv);
    StandardEnvironment environment = new StandardEnvironment();
    MutablePropertySources sources = environment.getPropertySources();
    // only what the container gets: not this machine's environment (CI sets PARVANDEH_DB_URL) or
    // JVM properties
    sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    // (under the system environment's name: that name is what turns on Spring's relaxed binding of
    // FOO_BAR_BAZ)
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    String profile = String.valueOf(env.getOrDefault("SPRING_PROFILES_ACTIVE", ""));
    if (!profile.isEmpty()) {
      for (PropertySource<?> source :
          yaml.load("profile", new ClassPathResource("application-" + profile + ".yml"))) {
        sources.addLast(source);
      }
    }
    for (PropertySource<?> source :
        yaml.load("application", new ClassPathResource("application.yml"))) {
      sources.addLast(source);
    }
    ConfigurationPropertySources.attach(environment);
    Binder binder = Binder.get(environment);

    Map<String, Object> bound = new LinkedHashMap<>();
    bound.put("profiles", binder.bind("spring.profiles.active", String.class).orElse(null));
    DataSourceProperties datasource =
        binder
            .bind("spring.datasource", DataSourceProperties.class)
            .orElseGet(DataSourceProperties::new);
    bound.put("datasource.url", datasource.getUrl());
    bound.put("datasource.username", datasource.getUsername());
    bound.put("datasource.password", datasource.getPassword());
    bound.put("data-dir", binder.bind("parvandeh.data-dir", String.class).orElse(null));
    CamundaBpmProperties camunda =
        binder.bind("camunda.bpm", CamundaBpmProperties.class).orElseGet(CamundaBpmProperties::new);
    bound.put("admin.id", camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId());
    bound.put(
        "admin.password",
        camunda.getAdminUser() == null ? null : camunda.getAdminUser().getPassword());
    Integer lock = camunda.getJobExecution().getLockTimeInMillis();
    bound.put("job-lock-ms", lock == null ? null : lock.longValue());
    ServerProperties server =
        binder.bind("server", ServerProperties.class).orElseGet(ServerProperties::new);
    bound.put("port", server.getPort());
    bound.put("forward-headers", server.getForwardHeadersStrategy());
    bound.put(
        "max-request-bytes",
        binder
            .bind(
                "spring.servlet.multipart.max-request-size",
                org.springframework.util.unit.DataSize.class)
            .map(d -> d.toBytes())
            .orElse(0L));
    DocumentProperties documents =
        binder.bind("parvandeh.documents", DocumentProperties.class).orElse(null);
    for (String copy : List.of("primary", "replica")) {
      DocumentProperties.Store store =
          documents == null
              ? null
              : copy.equals("primary") ? documents.primary() : documents.replica();
      bound.put(copy + ".type", store == null ? null : store.type());
      bound.put(copy + ".s3", store == null ? null : store.s3());
    }
    return bound;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return (Map<String, Object>) compose.get("services");
  }

  /** The node's environment, with the values the operator passes (${VAR…}) filled in as samples. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> nodeEnvironment(String node) throws IOException {
    Map<String, Object> service = (Map<String, Object>) services().get(node);
    Map<String, Object> env = new LinkedHashMap<>();
    ((Map<String, Object>) service.get("environment"))
        .forEach(
            (name, value) ->
                env.put(
                    name,
                    INTERPOLATION
                        .matcher(String.valueOf(value))
                        .replaceAll(m -> "sample-" + m.group(1))));
    return env;
  }

  private static Map<String, Object> dockerfileEnvironment() throws IOException {
    Map<String, Object> env = new LinkedHashMap<>();
    Matcher line =
        Pattern.compile("(?m)^ENV (\\S+)=(\\S+)$")
            .matcher(Files.readString(ROOT.resolve("Dockerfile")));
    while (line.find()) {
      env.put(line.group(1), line.group(2));
    }
    return env;
  }

  private static String childText(org.w3c.dom.Element parent, String tag) {
    for (org.w3c.dom.Node child = parent.getFirstChild();
        child != null;
        child = child.getNextSibling()) {
      if (child instanceof org.w3c.dom.Element element && element.getTagName().equals(tag)) {
        return element.getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + tag + "> in the POM");
  }
}
