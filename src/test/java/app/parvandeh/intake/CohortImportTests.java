package app.parvandeh.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.Degree;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.FilePart;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole cohort's files opened from Golestan's list: every row judged on its own, nothing silently
 * dropped.
 */
@ParvandehIntegrationTest
class CohortImportTests {

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired AuditLog audit;

  private ApiClient central() {
    return ApiClient.signedIn(port, "central.admission", "parvandeh");
  }

  private static String arabicIndic(String ascii) {
    StringBuilder out = new StringBuilder();
    ascii
        .chars()
        .forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('٠' + c - '0') : (char) c));
    return out.toString();
  }

  @Test
  void messyButValidRowsOpenEveryFileWithItsLoginAndProcess() {
    CohortList list =
        CohortList.create()
            .bom()
            .crlf()
            .row()
            .set("student_number", PersianText.toPersianDigits(CohortList.freshNumber()))
            .set("first_name", "  علي  ")
            .set("last_name", "كريمي\u200C\u200Cنژاد ")
            .set("father_name", "محمد\u00A0رضا")
            .row()
            .set("national_id", arabicIndic(TestStudents.nationalId()))
            .set("degree_level", "کارشناسی\u200Cارشد")
            .set("admission_type", "استعداد درخشان")
            .set("brilliant_talent", "TRUE")
            .set("program", "فیزیک، گرایش حالت جامد")
            .set("faculty_code", " Science ")
            .row()
            .set("entry_year", "۱۴۰۲")
            .set("degree_level", "دکتري")
            .set("admission_type", " پرديس ");

    JsonNode done = CohortList.importAndWait(central(), list.bytes());

    assertThat(done.path("total").asInt()).isEqualTo(3);
    assertThat(done.path("accepted").asInt()).as(done.toString()).isEqualTo(3);
    assertThat(done.path("rows").findValuesAsText("outcome")).containsOnly("ACCEPTED");
    StudentRef first = students.get(list.get(0, "student_number"));
    assertThat(first.firstName()).isEqualTo("علی");
    assertThat(first.lastName()).isEqualTo("کریمی\u200Cنژاد");
    assertThat(first.fatherName()).isEqualTo("محمد رضا");
    assertThat(first.program()).isEqualTo("مهندسی کامپیوتر");
    assertThat(first.admissionChannel()).isEqualTo("سراسری");
    StudentRef second = students.get(list.get(1, "student_number"));
    assertThat(second.degree()).isEqualTo(Degree.MASTER);
    assertThat(second.brilliantTalent()).isTrue();
    assertThat(second.faculty().code()).isEqualTo("science");
    assertThat(second.nationalId()).isEqualTo(PersianText.digits(list.get(1, "national_id")));
    StudentRef third = students.get(list.get(2, "student_number"));
    assertThat(third.entryYear()).isEqualTo(1402);
    assertThat(third.degree()).isEqualTo(Degree.PHD);
    assertThat(third.admissionChannel()).isEqualTo("پردیس");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("StudentFileProcess")
                .processInstanceBusinessKey(third.studentNumber())
                .count())
        .isEqualTo(1);
    ApiClient.signedIn(port, third.studentNumber(), third.nationalId());
  }

  @Test
  void theSampleListInTheDocsImportsCleanly() throws java.io.IOException {
    JsonNode done =
        CohortList.importAndWait(
            central(),
            java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("docs/samples/cohort-1405.csv")));

    assertThat(done.path("rows").findValuesAsText("outcome"))
        .as(done.toString())
        .containsOnly("ACCEPTED");
    assertThat(students.get("4051200102").lastName()).isEqualTo("کریمی");
  }

  @Test
  void eachBrokenRuleRejectsItsRowWithAReasonAndGoodRowsAroundItStillGetIn() {
    StudentRef archived =
        students.admit(TestStudents.newStudent("engineering", 1403, false), "central.admission");
    CohortList list = CohortList.create().row();
    String repeated = list.get(0, "student_number");
    list.row()
        .set("student_number", "")
        .row()
        .set("student_number", "40A12345")
        .row()
        .set("national_id", "0012345678")
        .row()
        .set("national_id", "1111111111")
        .row()
        .set("national_id", "12345")
        .row()
        .set("first_name", "")
        .row()
        .set("first_name", "=HYPERLINK(\"http://evil\",\"x\")")
        .row()
        .set("last_name", "@SUM(A1:A2)")
        .row()
        .set("father_name", "+98 912")
        .row()
        .set("father_name", "-2+3")
        .row()
        .set("last_name", "\tرضایی")
        .row()
        .set("faculty_code", "medicine")
        .row()
        .set("degree_level", "کاردانی")
        .row()
        .set("entry_year", "1250")
        .row()
        .set("entry_year", "1499")
        .row()
        .set("entry_year", "۱۴۰")
        .row()
        .set("admission_type", "")
        .row()
        .set("brilliant_talent", "شاید")
        .row()
        .set("student_number", PersianText.toPersianDigits(repeated))
        .row()
        .set("student_number", archived.studentNumber())
        .row();

    JsonNode done = CohortList.importAndWait(central(), list.bytes());

    List<String> fields =
        List.of(
            "student_number",
            "student_number",
            "national_id",
            "national_id",
            "national_id",
            "first_name",
            "first_name",
            "last_name",
            "father_name",
            "father_name",
            "last_name",
            "faculty_code",
            "degree_level",
            "entry_year",
            "entry_year",
            "entry_year",
            "admission_type",
            "brilliant_talent",
            "student_number",
            "student_number");
    JsonNode rows = done.path("rows");
    assertThat(rows.get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(rows.get(21).path("outcome").asText()).isEqualTo("ACCEPTED");
    for (int i = 0; i < fields.size(); i++) {
      JsonNode row = rows.get(i + 1);
      assertThat(row.path("row").asInt()).isEqualTo(i + 2);
      assertThat(row.path("outcome").asText()).as(row.toString()).isEqualTo("REJECTED");
      assertThat(row.path("field").asText()).as(row.toString()).isEqualTo(fields.get(i));
      assertThat(row.path("reasonFa").asText()).as(row.toString()).isNotBlank();
      assertThat(row.path("reasonEn").asText()).as(row.toString()).isNotBlank();
    }
    assertThat(rows.get(3).path("reasonEn").asText()).contains("check digit");
    assertThat(rows.get(4).path("reasonEn").asText()).contains("one digit repeated");
    assertThat(rows.get(7).path("reasonEn").asText()).contains("formula");
    assertThat(rows.get(19).path("reasonEn").asText()).contains("row 1");
    assertThat(rows.get(20).path("reasonEn").asText()).contains("another person");
    assertThat(done.path("accepted").asInt()).isEqualTo(2);
    assertThat(done.path("rejected").asInt()).isEqualTo(20);
    assertThat(students.find(list.get(7, "student_number"))).isEmpty();
  }

  @Test
  void theSamePersonWithANewStudentNumberGetsASecondFileFromTheListAndFromTheApi() {
    var bachelor = TestStudents.newStudent("engineering", 1399, false);
    students.admit(bachelor, "central.admission");
    CohortList list =
        CohortList.create()
            .row()
            .set("national_id", bachelor.nationalId())
            .set("degree_level", "کارشناسی ارشد");

    JsonNode done = CohortList.importAndWait(central(), list.bytes());
    String thirdNumber = CohortList.freshNumber();
    Response viaApi =
        central()
            .postJson(
                "/api/students",
                Map.of(
                    "studentNumber",
                    thirdNumber,
                    "nationalId",
                    bachelor.nationalId(),
                    "firstName",
                    "سمیرا",
                    "lastName",
                    "کریمی",
                    "facultyCode",
                    "science",
                    "degree",
                    "PHD",
                    "entryYear",
                    1404,
                    "admissionType",
                    "REMOTE",
                    "brilliantTalent",
                    false));

    assertThat(done.path("rows").get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(students.get(list.get(0, "student_number")).nationalId())
        .isEqualTo(bachelor.nationalId());
    assertThat(viaApi.status()).as(viaApi.text()).isEqualTo(201);
    assertThat(students.get(thirdNumber).nationalId()).isEqualTo(bachelor.nationalId());
  }

  @Test
  void reImportingTheSameListChangesNothingAndAChangedRowSaysWhatChanged() {
    CohortList list = CohortList.create().crlf().row().row().row();
    CohortList.importAndWait(central(), list.bytes());

    JsonNode again = CohortList.importAndWait(central(), list.bytes());
    StudentRef before = students.get(list.get(1, "student_number"));
    list =
        CohortList.create()
            .crlf()
            .copyRow(rowOf(list, 0))
            .copyRow(rowOf(list, 1))
            .set("last_name", "رضایی‌فر")
            .set("program", "مهندسی برق")
            .copyRow(rowOf(list, 2))
            .set("faculty_code", "science");
    JsonNode changed = CohortList.importAndWait(central(), list.bytes());

    assertThat(again.path("rows").findValuesAsText("outcome")).containsOnly("UNCHANGED");
    assertThat(again.path("unchanged").asInt()).isEqualTo(3);
    JsonNode rows = changed.path("rows");
    assertThat(rows.findValuesAsText("outcome"))
        .containsExactly("UNCHANGED", "UPDATED", "REJECTED");
    assertThat(rows.get(1).path("field").asText()).isEqualTo("last_name,program");
    assertThat(rows.get(1).path("reasonEn").asText())
        .contains("«رضایی» → «رضایی‌فر»")
        .contains("«مهندسی برق»");
    assertThat(rows.get(2).path("field").asText()).isEqualTo("faculty_code");
    StudentRef after = students.get(list.get(1, "student_number"));
    assertThat(after.lastName()).isEqualTo("رضایی‌فر");
    assertThat(after.program()).isEqualTo("مهندسی برق");
    assertThat(audit.ofStudent(before.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_EDITED)
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("lastName"));
    assertThat(audit.ofStudent(before.id()))
        .filteredOn(e -> e.action() == AuditAction.FILE_CREATED)
        .hasSize(1);
    assertThat(students.get(list.get(2, "student_number")).faculty().code())
        .isEqualTo("engineering");
  }

  private static Map<String, String> rowOf(CohortList list, int index) {
    return list.rowAt(index);
  }

  @Test
  void theReportIsTheRowsAsCsvWithFormulaCellsDefused() {
    CohortList list = CohortList.create().row().row().set("student_number", "=1+2");
    JsonNode done = CohortList.importAndWait(central(), list.bytes());

    Response report =
        central().get("/api/intake/cohorts/" + done.path("id").asLong() + "/report.csv");

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.header("Content-Type")).startsWith("text/csv");
    String text = report.text();
    assertThat(text).startsWith("\uFEFFrow,student_number,outcome,field,reason_fa,reason_en");
    assertThat(text).contains("1," + list.get(0, "student_number") + ",ACCEPTED,");
    assertThat(text).contains("2,'=1+2,REJECTED,student_number,");
  }

  @Test
  void aFileThatIsNoCohortListIsRefusedWholeAndOnlyCentralAdmissionImports() {
    ApiClient api = central();
    Response workbook =
        CohortList.upload(api, new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0, 0, 0});
    Response header =
        CohortList.upload(api, "student_number,name\n1,2\n".getBytes(StandardCharsets.UTF_8));
    Response empty =
        CohortList.upload(api, (CohortList.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
    Response clerk =
        CohortList.upload(
            ApiClient.signedIn(port, "clerk.eng", "parvandeh"), CohortList.create().row().bytes());
    Response manager =
        ApiClient.signedIn(port, "manager", "parvandeh")
            .multipart(
                "/api/intake/cohorts",
                Map.of(),
                "file",
                new FilePart(null, "c.csv", "text/csv", CohortList.create().row().bytes()));

    assertThat(workbook.status()).isEqualTo(400);
    assertThat(workbook.json().path("code").asText()).isEqualTo("not-a-csv");
    assertThat(header.status()).isEqualTo(400);
    assertThat(header.json().path("messageFa").asText()).contains("national_id");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(clerk.status()).isEqualTo(403);
    assertThat(manager.status()).isEqualTo(403);
  }
}
