package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Faculties are reference data that central admission keeps; a new one is at once a working
 * faculty.
 */
@ParvandehIntegrationTest
class FacultyCatalogueTests {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  private static String freshCode() {
    return "f" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aPostedFacultyGetsItsClerksGroupTasklistFiltersAndItsStudentsFiles() {
    String code = freshCode();
    Response created =
        central()
            .postJson(
                "/api/faculties",
                Map.of(
                    "code",
                    code,
                    "nameFa",
                    "دانشكده  كشاورزي",
                    "nameEn",
                    "Faculty of Agriculture"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("nameFa").asText()).isEqualTo("دانشکده کشاورزی");
    String group = "faculty-" + code;
    assertThat(identity.createGroupQuery().groupId(group).count()).isEqualTo(1);
    filters
        .createFilterQuery()
        .filterName("کارهای دانشکده من")
        .list()
        .forEach(
            filter ->
                assertThat(
                        authorizations
                            .createAuthorizationQuery()
                            .groupIdIn(group)
                            .resourceType(Resources.FILTER)
                            .resourceId(filter.getId())
                            .hasPermission(Permissions.READ)
                            .count())
                    .isEqualTo(1));
    var student = students.admit(TestStudents.newStudent(code, 1403, false), "central.admission");
    DueJobs.runForFile(runtime, management, student.studentNumber());
    assertThat(
            runtime.getVariable(
                DueJobs.fileInstanceOf(runtime, student.studentNumber()), "facultyGroup"))
        .isEqualTo(group);
  }

  @Test
  void theSameFacultyAgainChangesNothingButAnotherNameUnderItsCodeIsAConflict() {
    String code = freshCode();
    ApiClient api = central();
    api.postJson(
        "/api/faculties",
        Map.of("code", code, "nameFa", "دانشکده هنر", "nameEn", "Faculty of Arts"));

    Response again =
        api.postJson(
            "/api/faculties",
            Map.of(
                "code", code.toUpperCase(), "nameFa", "دانشکده هنر", "nameEn", "Faculty of Arts"));
    Response renamed =
        api.postJson(
            "/api/faculties",
            Map.of("code", code, "nameFa", "دانشکده معماری", "nameEn", "Faculty of Architecture"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("outcome").asText()).isEqualTo("UNCHANGED");
    assertThat(renamed.status()).isEqualTo(409);
    assertThat(renamed.json().path("messageFa").asText()).contains("نام دیگری");
    assertThat(renamed.json().path("messageEn").asText()).contains("another name");
  }

  @Test
  void aBadCodeOrAFormulaNameIsRefusedInPersianAndEnglish() {
    ApiClient api = central();
    Response badCode =
        api.postJson(
            "/api/faculties", Map.of("code", "دانشکده فنی", "nameFa", "فنی", "nameEn", "Eng"));
    Response formula =
        api.postJson(
            "/api/faculties",
            Map.of("code", freshCode(), "nameFa", "=HYPERLINK(\"http://x\")", "nameEn", "Evil"));

    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.json().path("messageFa").asText()).contains("کد دانشکده");
    assertThat(formula.status()).isEqualTo(400);
    assertThat(formula.json().path("messageEn").asText()).contains("formula");
  }

  @Test
  void onlyCentralAdmissionKeepsTheFacultyList() {
    Map<String, String> faculty =
        Map.of("code", freshCode(), "nameFa", "دانشکده پزشکی", "nameEn", "Medicine");
    for (String user : new String[] {"clerk.eng", "manager", "admin", "central.records"}) {
      Response refused =
          ApiClient.signedIn(port, user, "parvandeh").postJson("/api/faculties", faculty);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.json().path("messageFa").asText()).as(user).isNotBlank();
    }
    assertThat(students.faculty(faculty.get("code"))).isEmpty();
    assertThat(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh")
                .get("/api/faculties")
                .json()
                .findValuesAsText("code"))
        .contains("engineering", "science");
  }

  @Test
  void aFacultyListIsImportedRowByRowWithEachRefusalReported() {
    String fresh = freshCode();
    String fresh2 = freshCode();
    String csv =
        "\uFEFFcode,name_fa,name_en\r\n"
            + fresh
            + ",دانشكده علوم دريايي,Faculty of Marine Science\r\n"
            + "engineering,دانشکده فنی و مهندسی,Faculty of Engineering\r\n"
            + "bad code!,دانشکده بد,Bad\r\n"
            + fresh2
            + ",\"@SUM(A1:A9)\",Formula\r\n"
            + freshCode()
            + ",,Nameless\r\n"
            + " "
            + fresh2.toUpperCase()
            + " ,دانشکده\u200C\u200Cحقوق ,  Faculty of Law\r\n";

    Response imported =
        central()
            .multipart(
                "/api/faculties/import",
                Map.of(),
                "file",
                new FilePart(
                    null, "faculties.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    JsonNode rows = imported.json().path("rows");
    assertThat(rows.findValuesAsText("outcome"))
        .containsExactly("CREATED", "UNCHANGED", "REJECTED", "REJECTED", "REJECTED", "CREATED");
    assertThat(rows.get(2).path("field").asText()).isEqualTo("code");
    assertThat(rows.get(3).path("field").asText()).isEqualTo("name_fa");
    assertThat(rows.get(4).path("reasonFa").asText()).contains("خالی");
    assertThat(rows.get(5).path("nameFa").asText()).isEqualTo("دانشکده\u200Cحقوق");
    assertThat(imported.json().path("created").asInt()).isEqualTo(2);
    assertThat(identity.createGroupQuery().groupId("faculty-" + fresh).count()).isEqualTo(1);
    assertThat(students.faculty(fresh).orElseThrow().nameFa()).isEqualTo("دانشکده علوم دریایی");
  }

  @Test
  void aListWithoutTheExpectedHeaderIsRefusedWhole() {
    Response refused =
        central()
            .multipart(
                "/api/faculties/import",
                Map.of(),
                "file",
                new FilePart(
                    null, "f.csv", "text/csv", "کد,نام\nx,y\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("code").asText()).isEqualTo("bad-header");
    assertThat(refused.json().path("messageEn").asText()).contains("code,name_fa,name_en");
  }
}
