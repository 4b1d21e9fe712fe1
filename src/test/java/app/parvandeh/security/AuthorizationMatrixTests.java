package app.parvandeh.security;

import static app.parvandeh.security.AuthorizationMatrixTests.Role.ADMIN;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.CENTRAL_ADMISSION;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.CENTRAL_RECORDS;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.FACULTY_CLERK;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.GRADUATES_OFFICE;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.GRADUATE_STUDIES;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.MANAGER;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.PROCESS_OWNER;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.STUDENT;
import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.workflow.StudentFileProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole authorization matrix, role × kind of resource, allowed or refused, through every door: our API,
 * {@code /engine-rest} (HTTP Basic) and the webapps. The faculty clerk is of engineering; "own" files are
 * engineering's, "other" files science's. A new endpoint is covered by adding a {@link Kind} and its row in
 * {@link #ALLOWED}.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

  enum Role {
    STUDENT, FACULTY_CLERK, CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, GRADUATES_OFFICE, MANAGER,
    PROCESS_OWNER, ADMIN
  }

  /** What a role tries on which resource; the answer says whether it was let through. */
  enum Kind {
    PORTAL_OWN_FILE((c, f) -> ok(c.get("/api/portal/file"))),
    SEARCH_STUDENT_OF_FACULTY((c, f) -> listed(c.get("/api/students?q=" + f.eng.number()), f.eng.number())),
    SEARCH_STUDENT_OF_OTHER_FACULTY((c, f) -> listed(c.get("/api/students?q=" + f.sci.number()), f.sci.number())),
    DOCUMENT_OWN_FILE((c, f) -> ok(c.get(f.eng.contentUrl()))),
    DOCUMENT_OTHER_STUDENT_SAME_FACULTY((c, f) -> ok(c.get(f.eng2.contentUrl()))),
    DOCUMENT_OTHER_FACULTY((c, f) -> ok(c.get(f.sci.contentUrl()))),
    AUDIT_TRAIL((c, f) -> ok(c.get("/api/students/" + f.eng.number() + "/audit"))),
    REVIEW_FORM_OF_FACULTY_TASK((c, f) -> ok(c.get("/api/tasks/" + f.eng.checkTaskId() + "/review"))),
    RECORD_REVIEW_DECISION((c, f) -> permitted(c.postJson("/api/tasks/" + f.eng.checkTaskId() + "/reviews",
        Map.of("documentId", 1, "decision", "ACCEPTED")))),
    UPLOAD_INTO_FILE((c, f) -> permitted(c.upload("/api/students/" + f.eng.number() + "/documents",
        List.of(new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg()))))),
    ENGINE_TASKS_OF_FACULTY((c, f) -> listed(c.engineRest("GET", "/task?processInstanceBusinessKey="
        + f.eng.number() + "&maxResults=10", null), f.eng.checkTaskId())),
    ENGINE_TASK_VARIABLES_OF_FACULTY((c, f) -> ok(c.engineRest("GET", "/task/" + f.eng.checkTaskId()
        + "/variables", null))),
    ENGINE_TASK_VARIABLES_OF_OTHER_FACULTY((c, f) -> ok(c.engineRest("GET", "/task/" + f.sci.checkTaskId()
        + "/variables", null))),
    ENGINE_PROCESS_INSTANCE_VARIABLES((c, f) -> ok(c.engineRest("GET", "/process-instance/"
        + f.eng.processInstanceId() + "/variables", null))),
    ENGINE_HISTORIC_VARIABLES((c, f) -> listed(c.engineRest("GET", "/history/variable-instance?processInstanceId="
        + f.eng.processInstanceId() + "&maxResults=50", null), StudentFileProcess.VAR_STUDENT_NUMBER)),
    ENGINE_CHANGE_TASK((c, f) -> ok(c.engineRest("PUT", "/task/" + f.eng.checkTaskId()
        + "/localVariables/matrixProbe", Map.of("value", "probe", "type", "String")))),
    ENGINE_CHANGE_PROCESS_INSTANCE((c, f) -> ok(c.engineRest("PUT", "/process-instance/"
        + f.eng.processInstanceId() + "/variables/matrixProbe", Map.of("value", "probe", "type", "String")))),
    ENGINE_DEPLOY_MODEL((c, f) -> ok(deploy(c, f))),
    ENGINE_MIGRATE_INSTANCES((c, f) -> f.may(c, ProcessDefinitionPermissions.MIGRATE_INSTANCE)),
    ENGINE_CREATE_GROUP((c, f) -> ok(c.engineRest("POST", "/group/create",
        Map.of("id", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "name", "probe", "type", "x")))),
    APP_TASKLIST((c, f) -> app(c, "tasklist")),
    APP_COCKPIT((c, f) -> app(c, "cockpit")),
    APP_ADMIN((c, f) -> app(c, "admin"));

    final BiFunction<ApiClient, Fixture, Boolean> probe;

    Kind(BiFunction<ApiClient, Fixture, Boolean> probe) {
      this.probe = probe;
    }
  }

  static final Set<Role> UNIVERSITY_WIDE =
      EnumSet.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, GRADUATES_OFFICE, MANAGER);

  /** Who is let through; every other role is refused. */
  static final Map<Kind, Set<Role>> ALLOWED = new EnumMap<>(Map.ofEntries(
      Map.entry(Kind.PORTAL_OWN_FILE, EnumSet.of(STUDENT)),
      Map.entry(Kind.SEARCH_STUDENT_OF_FACULTY, plus(UNIVERSITY_WIDE, FACULTY_CLERK)),
      Map.entry(Kind.SEARCH_STUDENT_OF_OTHER_FACULTY, UNIVERSITY_WIDE),
      Map.entry(Kind.DOCUMENT_OWN_FILE, plus(UNIVERSITY_WIDE, STUDENT, FACULTY_CLERK)),
      Map.entry(Kind.DOCUMENT_OTHER_STUDENT_SAME_FACULTY, plus(UNIVERSITY_WIDE, FACULTY_CLERK)),
      Map.entry(Kind.DOCUMENT_OTHER_FACULTY, UNIVERSITY_WIDE),
      Map.entry(Kind.AUDIT_TRAIL, EnumSet.of(MANAGER, CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES)),
      Map.entry(Kind.REVIEW_FORM_OF_FACULTY_TASK, EnumSet.of(FACULTY_CLERK)),
      Map.entry(Kind.RECORD_REVIEW_DECISION, EnumSet.of(FACULTY_CLERK)),
      Map.entry(Kind.UPLOAD_INTO_FILE, EnumSet.of(STUDENT)),
      Map.entry(Kind.ENGINE_TASKS_OF_FACULTY, EnumSet.of(FACULTY_CLERK, MANAGER, ADMIN)),
      Map.entry(Kind.ENGINE_TASK_VARIABLES_OF_FACULTY, EnumSet.of(FACULTY_CLERK, MANAGER, ADMIN)),
      Map.entry(Kind.ENGINE_TASK_VARIABLES_OF_OTHER_FACULTY, EnumSet.of(MANAGER, ADMIN)),
      Map.entry(Kind.ENGINE_PROCESS_INSTANCE_VARIABLES, EnumSet.of(MANAGER, ADMIN)),
      Map.entry(Kind.ENGINE_HISTORIC_VARIABLES, EnumSet.of(MANAGER, ADMIN)),
      Map.entry(Kind.ENGINE_CHANGE_TASK, EnumSet.of(FACULTY_CLERK, ADMIN)),
      Map.entry(Kind.ENGINE_CHANGE_PROCESS_INSTANCE, EnumSet.of(ADMIN)),
      Map.entry(Kind.ENGINE_DEPLOY_MODEL, EnumSet.of(PROCESS_OWNER, ADMIN)),
      Map.entry(Kind.ENGINE_MIGRATE_INSTANCES, EnumSet.of(PROCESS_OWNER, ADMIN)),
      Map.entry(Kind.ENGINE_CREATE_GROUP, EnumSet.of(ADMIN)),
      Map.entry(Kind.APP_TASKLIST, plus(UNIVERSITY_WIDE, FACULTY_CLERK, ADMIN)),
      Map.entry(Kind.APP_COCKPIT, EnumSet.of(MANAGER, PROCESS_OWNER, ADMIN)),
      Map.entry(Kind.APP_ADMIN, EnumSet.of(ADMIN))));

  @LocalServerPort
  int port;
  @Autowired
  StudentService students;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  AuthorizationService authorizations;

  Fixture fixture;
  final Map<Role, ApiClient> clients = new EnumMap<>(Role.class);

  @BeforeAll
  void files() {
    FileFixture eng = FileFixture.admit(port, FileFixture.bachelor("engineering"), FileFixture.ADMISSION_1402, true,
        students, runtime, management, tasks);
    FileFixture eng2 = FileFixture.admit(port, FileFixture.bachelor("engineering"),
        FileFixture.ADMISSION_1402.subList(0, 1), false, students, runtime, management, tasks);
    FileFixture sci = FileFixture.admit(port, FileFixture.bachelor("science"), FileFixture.ADMISSION_1402, true,
        students, runtime, management, tasks);
    fixture = new Fixture(eng, eng2, sci, identity, authorizations);
  }

  static Stream<Arguments> matrix() {
    assertThat(ALLOWED.keySet()).as("every kind has its row").containsExactlyInAnyOrder(Kind.values());
    List<Arguments> cases = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (Role role : Role.values()) {
        cases.add(Arguments.of(role, kind, ALLOWED.get(kind).contains(role)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} × {1} → allowed: {2}")
  @MethodSource("matrix")
  void eachRoleIsAllowedExactlyWhatTheMatrixSays(Role role, Kind kind, boolean allowed) {
    ApiClient client = clients.computeIfAbsent(role, this::signIn);
    assertThat(kind.probe.apply(client, fixture)).as(role + " × " + kind).isEqualTo(allowed);
  }

  private ApiClient signIn(Role role) {
    return switch (role) {
      case STUDENT -> ApiClient.signedIn(port, fixture.eng.number(), fixture.eng.password());
      case FACULTY_CLERK -> ApiClient.signedIn(port, "clerk.eng", "parvandeh");
      case CENTRAL_ADMISSION -> ApiClient.signedIn(port, "central.admission", "parvandeh");
      case CENTRAL_RECORDS -> ApiClient.signedIn(port, "central.records", "parvandeh");
      case GRADUATE_STUDIES -> ApiClient.signedIn(port, "grad.studies", "parvandeh");
      case GRADUATES_OFFICE -> ApiClient.signedIn(port, "graduates.office", "parvandeh");
      case MANAGER -> ApiClient.signedIn(port, "manager", "parvandeh");
      case PROCESS_OWNER -> ApiClient.signedIn(port, "process.owner", "parvandeh");
      case ADMIN -> ApiClient.signedIn(port, "admin", "parvandeh");
    };
  }

  /** The three files the matrix is tried on, and the engine's own answer for permissions no HTTP call shows. */
  record Fixture(FileFixture eng, FileFixture eng2, FileFixture sci, IdentityService identity,
      AuthorizationService authorizations) {

    boolean may(ApiClient client, org.camunda.bpm.engine.authorization.Permission permission) {
      String user = userOf(client);
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      return authorizations.isUserAuthorized(user, groups, permission, Resources.PROCESS_DEFINITION,
          StudentFileProcess.PROCESS_ID);
    }

    private static String userOf(ApiClient client) {
      return client.get("/api/me").json().get("username").asText();
    }
  }

  /** 2xx: let through. 401/403/404: refused. Anything else is a bug in the probe or the server. */
  static boolean ok(Response answer) {
    assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 204, 401, 403, 404);
    return answer.status() < 300;
  }

  /** Past the access check: done, or refused for the file's state (e.g. 409 claim first, uploads closed). */
  static boolean permitted(Response answer) {
    assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 204, 400, 401, 403, 404, 409);
    return answer.status() != 401 && answer.status() != 403 && answer.status() != 404;
  }

  /** A list answer that contains the expected id or name; a refusal or an empty list is "not allowed". */
  static boolean listed(Response answer, String expected) {
    if (answer.status() == 401 || answer.status() == 403) {
      return false;
    }
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.text().contains("\"" + expected + "\"");
  }

  /** Which webapps Camunda lets the signed-in user into. */
  static boolean app(ApiClient client, String app) {
    Response answer = client.get("/camunda/api/admin/auth/user/default");
    if (answer.status() != 200) {
      return false;
    }
    List<String> apps = new ArrayList<>();
    answer.json().get("authorizedApps").forEach(a -> apps.add(a.asText()));
    return apps.contains(app);
  }

  /** A model deployment (multipart, as Modeler sends it); the model has no executable process. */
  static Response deploy(ApiClient client, Fixture fixture) {
    String boundary = "matrix" + UUID.randomUUID();
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/"
        + "20100524/MODEL\" targetNamespace=\"http://parvandeh.app/matrix\"><process id=\"MatrixProbe\" "
        + "isExecutable=\"false\"/></definitions>";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix-probe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"MatrixProbe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    String user = Fixture.userOf(client);
    String password = user.equals(fixture.eng().number()) ? fixture.eng().password() : "parvandeh";
    return client.call("POST", "/engine-rest/deployment/create", Map.of(
        "Content-Type", "multipart/form-data; boundary=" + boundary,
        "Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8))), body);
  }

  @SafeVarargs
  static <T extends Enum<T>> Set<T> plus(Set<T> base, T... more) {
    Set<T> result = EnumSet.copyOf(base);
    result.addAll(List.of(more));
    return result;
  }
}
