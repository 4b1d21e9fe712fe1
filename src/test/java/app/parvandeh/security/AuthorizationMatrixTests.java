package app.parvandeh.security;

import static app.parvandeh.security.AuthorizationMatrixTests.Role.ADMIN;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.CENTRAL_ADMISSION;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.CENTRAL_RECORDS;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.FACULTY_CLERK;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.GRADUATES_OFFICE;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.GRADUATE_STUDIES;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.MANAGER;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.OTHER_FACULTY_CLERK;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.PROCESS_OWNER;
import static app.parvandeh.security.AuthorizationMatrixTests.Role.STUDENT;
import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.intake.internal.CardBatches;
import app.parvandeh.intake.internal.CohortImports;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.preservation.BulkExport;
import app.parvandeh.preservation.FixityAudit;
import app.parvandeh.preservation.PreservationJobs;
import app.parvandeh.preservation.SystemBackup;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
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
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
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
 * The whole authorization matrix, role × kind of resource, allowed or refused, through every door:
 * our API, {@code /engine-rest} (HTTP Basic) and the webapps. The faculty clerk is of engineering;
 * "own" files are engineering's, "other" files science's. A new endpoint is covered by adding a
 * {@link Kind} and its row in {@link #ALLOWED}.
 */
@ParvandehIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

  enum Role {
    STUDENT,
    FACULTY_CLERK,
    OTHER_FACULTY_CLERK,
    CENTRAL_ADMISSION,
    CENTRAL_RECORDS,
    GRADUATE_STUDIES,
    GRADUATES_OFFICE,
    MANAGER,
    PROCESS_OWNER,
    ADMIN
  }

  /** What a role tries on which resource; the answer says whether it was let through. */
  enum Kind {
    PORTAL_OWN_FILE((c, f) -> ok(c.get("/api/portal/file"))),
    SEARCH_STUDENT_OF_FACULTY(
        (c, f) -> listed(c.get("/api/students?q=" + f.eng.number()), f.eng.number())),
    SEARCH_STUDENT_OF_OTHER_FACULTY(
        (c, f) -> listed(c.get("/api/students?q=" + f.sci.number()), f.sci.number())),
    DOCUMENT_OWN_FILE((c, f) -> ok(c.get(f.eng.contentUrl()))),
    DOCUMENT_OTHER_STUDENT_SAME_FACULTY((c, f) -> ok(c.get(f.eng2.contentUrl()))),
    DOCUMENT_OTHER_FACULTY((c, f) -> ok(c.get(f.sci.contentUrl()))),
    AUDIT_TRAIL((c, f) -> ok(c.get("/api/students/" + f.eng.number() + "/audit"))),
    FILE_EXPORT_WITH_AUDIT_TRAIL(
        (c, f) -> ok(c.get("/api/students/" + f.eng.number() + "/export"))),
    REVIEW_FORM_OF_FACULTY_TASK(
        (c, f) -> ok(c.get("/api/tasks/" + f.eng.checkTaskId() + "/review"))),
    RECORD_REVIEW_DECISION(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/tasks/" + f.eng.checkTaskId() + "/reviews",
                    Map.of("documentId", 1, "decision", "ACCEPTED")))),
    UPLOAD_INTO_FILE(
        (c, f) ->
            permitted(
                c.upload(
                    "/api/students/" + f.eng.number() + "/documents",
                    List.of(new FilePart("PHOTO", "photo.jpg", "image/jpeg", DemoFiles.jpeg()))))),
    ENGINE_TASKS_OF_FACULTY(
        (c, f) ->
            listed(
                c.engineRest(
                    "GET",
                    "/task?processInstanceBusinessKey=" + f.eng.number() + "&maxResults=10",
                    null),
                f.eng.checkTaskId())),
    ENGINE_TASK_VARIABLES_OF_FACULTY(
        (c, f) -> ok(c.engineRest("GET", "/task/" + f.eng.checkTaskId() + "/variables", null))),
    ENGINE_TASK_VARIABLES_OF_OTHER_FACULTY(
        (c, f) -> ok(c.engineRest("GET", "/task/" + f.sci.checkTaskId() + "/variables", null))),
    ENGINE_PROCESS_INSTANCE_VARIABLES(
        (c, f) ->
            ok(
                c.engineRest(
                    "GET", "/process-instance/" + f.eng.processInstanceId() + "/variables", null))),
    ENGINE_HISTORIC_VARIABLES(
        (c, f) ->
            listed(
                c.engineRest(
                    "GET",
                    "/history/variable-instance?processInstanceId="
                        + f.eng.processInstanceId()
                        + "&maxResults=50",
                    null),
                StudentFileProcess.VAR_STUDENT_NUMBER)),
    ENGINE_CHANGE_TASK(
        (c, f) ->
            ok(
                c.engineRest(
                    "PUT",
                    "/task/" + f.eng.checkTaskId() + "/localVariables/matrixProbe",
                    Map.of("value", "probe", "type", "String")))),
    ENGINE_CHANGE_PROCESS_INSTANCE(
        (c, f) ->
            ok(
                c.engineRest(
                    "PUT",
                    "/process-instance/" + f.eng.processInstanceId() + "/variables/matrixProbe",
                    Map.of("value", "probe", "type", "String")))),
    // Writes through both doors in front of the engine (EngineDoor: /engine-rest and the webapps'
    // /camunda/api).
    WEBAPP_CHANGE_TASK(
        (c, f) ->
            ok(
                EngineDoor.WEBAPP_API.call(
                    c,
                    "PUT",
                    "/task/" + f.eng.checkTaskId() + "/localVariables/matrixProbe",
                    Map.of("value", "probe", "type", "String")))),
    WEBAPP_CHANGE_PROCESS_INSTANCE(
        (c, f) ->
            ok(
                EngineDoor.WEBAPP_API.call(
                    c,
                    "PUT",
                    "/process-instance/" + f.eng.processInstanceId() + "/variables/matrixProbe",
                    Map.of("value", "probe", "type", "String")))),
    ENGINE_TASK_COMMENT(
        (c, f) ->
            changed(
                EngineDoor.ENGINE_REST,
                c,
                "POST",
                "/task/" + f.eng.checkTaskId() + "/comment/create",
                Map.of("message", "probe"))),
    WEBAPP_TASK_COMMENT(
        (c, f) ->
            changed(
                EngineDoor.WEBAPP_API,
                c,
                "POST",
                "/task/" + f.eng.checkTaskId() + "/comment/create",
                Map.of("message", "probe"))),
    ENGINE_TASK_IDENTITY_LINK(
        (c, f) ->
            changed(
                EngineDoor.ENGINE_REST,
                c,
                "POST",
                "/task/" + f.eng.checkTaskId() + "/identity-links",
                Map.of("groupId", "camunda-admin", "type", "candidate"))),
    WEBAPP_TASK_IDENTITY_LINK(
        (c, f) ->
            changed(
                EngineDoor.WEBAPP_API,
                c,
                "POST",
                "/task/" + f.eng.checkTaskId() + "/identity-links",
                Map.of("groupId", "camunda-admin", "type", "candidate"))),
    ENGINE_COMPLETE_WITH_FILE_IDENTITY(
        (c, f) ->
            changed(
                EngineDoor.ENGINE_REST,
                c,
                "POST",
                "/task/" + f.eng.checkTaskId() + "/complete",
                otherStudent(f))),
    WEBAPP_SUBMIT_WITH_FILE_IDENTITY(
        (c, f) ->
            changed(
                EngineDoor.WEBAPP_API,
                c,
                "POST",
                "/task/" + f.eng.checkTaskId() + "/submit-form",
                otherStudent(f))),
    ENGINE_CORRELATE_MESSAGE(
        (c, f) ->
            changed(
                EngineDoor.ENGINE_REST,
                c,
                "POST",
                "/message",
                Map.of("messageName", "MatrixProbe", "businessKey", f.eng.number()))),
    WEBAPP_CORRELATE_MESSAGE(
        (c, f) ->
            changed(
                EngineDoor.WEBAPP_API,
                c,
                "POST",
                "/message",
                Map.of("messageName", "MatrixProbe", "businessKey", f.eng.number()))),
    ENGINE_CREATE_STANDALONE_TASK(
        (c, f) ->
            changed(
                EngineDoor.ENGINE_REST,
                c,
                "POST",
                "/task/create",
                Map.of("id", "matrix-" + UUID.randomUUID(), "name", "probe"))),
    ENGINE_DEPLOY_MODEL((c, f) -> ok(deploy(c, f))),
    ENGINE_MIGRATE_INSTANCES(
        (c, f) ->
            f.may(
                c,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                Resources.PROCESS_DEFINITION,
                StudentFileProcess.PROCESS_ID)),
    ENGINE_CREATE_GROUP(
        (c, f) ->
            ok(
                c.engineRest(
                    "POST",
                    "/group/create",
                    Map.of(
                        "id",
                        "matrix-" + UUID.randomUUID().toString().substring(0, 8),
                        "name",
                        "probe",
                        "type",
                        "x")))),
    APP_TASKLIST((c, f) -> app(c, "tasklist")),
    APP_COCKPIT((c, f) -> app(c, "cockpit")),
    APP_ADMIN((c, f) -> app(c, "admin")),

    // The file page and its four operations (create, view, edit, delete for correction), document
    // search.
    CREATE_FILE_OF_FACULTY(
        (c, f) -> permitted(c.postJson("/api/students", newStudentLike(f.eng.student())))),
    CREATE_FILE_OF_OTHER_FACULTY(
        (c, f) -> permitted(c.postJson("/api/students", newStudentLike(f.sci.student())))),
    FILE_PAGE_OF_FACULTY((c, f) -> ok(c.get("/api/students/" + f.eng.number() + "/file"))),
    FILE_PAGE_OF_OTHER_FACULTY((c, f) -> ok(c.get("/api/students/" + f.sci.number() + "/file"))),
    FILE_PAGE_OF_CLEARED_FILE((c, f) -> ok(c.get("/api/students/" + f.cleared.number() + "/file"))),
    FILE_PAGE_SHOWS_WHO_READ_IT(
        (c, f) -> listed(c.get("/api/students/" + f.eng.number() + "/file"), "FILE_VIEWED")),
    DOCUMENT_OF_CLEARED_FILE((c, f) -> ok(c.get(f.cleared.contentUrl()))),
    EDIT_FILE_OF_FACULTY(
        (c, f) -> permitted(c.putJson("/api/students/" + f.eng.number(), staleRowVersion()))),
    EDIT_FILE_OF_OTHER_FACULTY(
        (c, f) -> permitted(c.putJson("/api/students/" + f.sci.number(), staleRowVersion()))),
    EDIT_DOCUMENT_OF_FACULTY(
        (c, f) -> permitted(c.putJson("/api/documents/" + f.eng.documentId(), staleRowVersion()))),
    EDIT_DOCUMENT_OF_OTHER_FACULTY(
        (c, f) -> permitted(c.putJson("/api/documents/" + f.sci.documentId(), staleRowVersion()))),
    NEW_DOCUMENT_VERSION(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/documents/" + f.eng.documentId() + "/versions",
                    Map.of("rowVersion", "-1"),
                    "file",
                    PDF))),
    DELETE_DOCUMENT_FOR_CORRECTION(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/documents/" + f.eng.documentId() + "/deletion",
                    Map.of("reason", "probe", "rowVersion", -1)))),
    RESTORE_DOCUMENT(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/documents/" + f.eng.documentId() + "/restoration", staleRowVersion()))),
    SEARCH_DOCUMENTS_OF_FACULTY(
        (c, f) -> listed(c.get("/api/documents/search?q=" + f.eng.number()), f.eng.number())),
    SEARCH_DOCUMENTS_OF_OTHER_FACULTY(
        (c, f) -> listed(c.get("/api/documents/search?q=" + f.sci.number()), f.sci.number())),
    SEARCH_DOCUMENTS_OF_CLEARED_FILE(
        (c, f) ->
            listed(c.get("/api/documents/search?q=" + f.cleared.number()), f.cleared.number())),
    SEARCH_STUDENT_OF_CLEARED_FILE(
        (c, f) -> listed(c.get("/api/students?q=" + f.cleared.number()), f.cleared.number())),

    // Documents issued during study (an incomplete letter or reference: refused for its content,
    // nothing stored).
    STUDY_LETTER_OF_FACULTY(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/students/" + f.eng.number() + "/study-documents/office-letters",
                    Map.of("typeCode", "ENROLLMENT_CERTIFICATE"),
                    "file",
                    PDF))),
    STUDY_LETTER_OF_OTHER_FACULTY(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/students/" + f.sci.number() + "/study-documents/office-letters",
                    Map.of("typeCode", "ENROLLMENT_CERTIFICATE"),
                    "file",
                    PDF))),
    STUDY_LETTER_FOR_START_FORM(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/students/" + f.eng.number() + "/study-documents/uploads",
                    Map.of("typeCode", "ENROLLMENT_CERTIFICATE"),
                    "file",
                    PDF))),
    SERVICE_COUNTER_REFERENCE(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/students/" + f.eng.number() + "/study-documents/service-counter",
                    Map.of("requestNumber", " ", "documentType", " ")))),
    STUDY_DOCUMENT_TYPES(
        (c, f) -> listed(c.get("/api/document-types/study"), "ENROLLMENT_CERTIFICATE")),

    // Report 112 (notes about the student): JSON, CSV, PDF and the faculties offered.
    NOTES_REPORT_OF_FACULTY_STUDENT(
        (c, f) ->
            listed(c.get("/api/reports/notes?studentNumber=" + f.eng.number()), f.eng.number())),
    NOTES_REPORT_OF_OTHER_FACULTY_CSV(
        (c, f) -> shows(c.get("/api/reports/notes?faculty=science&format=csv"), f.sci.number())),
    NOTES_REPORT_OF_OTHER_FACULTY_STUDENT_PDF(
        (c, f) -> ok(c.get("/api/reports/notes?studentNumber=" + f.sci.number() + "&format=pdf"))),
    NOTES_REPORT_OF_CLEARED_FILE(
        (c, f) ->
            listed(
                c.get("/api/reports/notes?studentNumber=" + f.cleared.number()),
                f.cleared.number())),
    NOTES_REPORT_OF_FACULTY_SHOWS_UNCLEARED_FILE(
        (c, f) ->
            shows(c.get("/api/reports/notes?faculty=engineering" + "&format=csv"), f.eng.number())),
    NOTES_REPORT_OFFERS_OTHER_FACULTY(
        (c, f) -> listed(c.get("/api/reports/notes/faculties"), "science")),

    // Graduation clearance: end of study, the clearance forms, the graduate's request.
    STUDY_END(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/students/" + f.eng.number() + "/study-end",
                    Map.of("reason", "GRADUATED")))),
    CLEARANCE_FORM_OF_CENTRAL_CHECK(
        (c, f) -> ok(c.get("/api/clearance/tasks/" + f.centralCheck.taskId()))),
    CLEARANCE_FORM_OF_FACULTY_COMPLETION(
        (c, f) -> ok(c.get("/api/clearance/tasks/" + f.completion.taskId()))),
    CLEARANCE_NOTE_OF_FACULTY_COMPLETION(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/clearance/tasks/" + f.completion.taskId() + "/notes",
                    Map.of("body", "probe")))),
    GRADUATION_DOCUMENTS_REQUEST((c, f) -> permitted(c.post("/api/portal/graduation-request"))),
    ENGINE_CENTRAL_CLEARANCE_TASK(
        (c, f) ->
            listed(
                c.engineRest(
                    "GET",
                    "/task?processInstanceBusinessKey="
                        + f.centralCheck.number()
                        + "&maxResults=10",
                    null),
                f.centralCheck.taskId())),
    ENGINE_FACULTY_COMPLETION_TASK(
        (c, f) ->
            listed(
                c.engineRest(
                    "GET",
                    "/task?processInstanceBusinessKey=" + f.completion.number() + "&maxResults=10",
                    null),
                f.completion.taskId())),
    ENGINE_GRADUATION_REQUEST_TASK(
        (c, f) ->
            listed(
                c.engineRest(
                    "GET",
                    "/task?processInstanceBusinessKey=" + f.cleared.number() + "&maxResults=10",
                    null),
                f.cleared.taskId())),

    // Signed clearance certificate (cleared files only; 409 for a file not cleared) and signature
    // verification.
    CLEARANCE_CERTIFICATE_OF_CLEARED_FILE(
        (c, f) -> ok(c.get("/api/students/" + f.cleared.number() + "/clearance-certificate"))),
    CLEARANCE_CERTIFICATE_OF_FILE_NOT_CLEARED(
        (c, f) -> permitted(c.get("/api/students/" + f.eng.number() + "/clearance-certificate"))),
    VERIFY_SIGNATURE(
        (c, f) -> ok(c.multipart("/api/signatures/verifications", Map.of(), "file", PDF))),
    OFFICE_CERTIFICATE((c, f) -> ok(c.get("/api/signatures/office-certificate"))),

    // Stuck files, migrations, metrics.
    STUCK_FILES((c, f) -> ok(c.get("/api/reports/stuck"))),
    STUCK_FILES_CSV((c, f) -> ok(c.get("/api/reports/stuck.csv"))),
    MIGRATION_DRY_RUN(
        (c, f) ->
            ok(
                c.postJson(
                    "/api/admin/migrations",
                    Map.of(
                        "processKey",
                        StudentFileProcess.PROCESS_ID,
                        "sourceVersion",
                        1,
                        "dryRun",
                        true)))),
    PROMETHEUS_METRICS((c, f) -> ok(c.get("/actuator/prometheus", "text/plain"))),

    // Preservation: fixity audits (one file, the whole archive), their runs and findings, the
    // report page, bulk
    // exports (own and another user's), backups. A restore is a command on the server, not an
    // endpoint.
    FIXITY_AUDIT_OF_ONE_FILE(
        (c, f) ->
            started(
                c,
                c.post("/api/preservation/audits?studentNumber=" + f.eng.number()),
                "/api/preservation/audits/",
                "/run/status")),
    FIXITY_AUDIT_OF_WHOLE_ARCHIVE(
        (c, f) ->
            started(
                c, c.post("/api/preservation/audits"), "/api/preservation/audits/", "/run/status")),
    FIXITY_AUDIT_RUNS_AND_BACKLOG((c, f) -> ok(c.get("/api/preservation/audits"))),
    FIXITY_AUDIT_RUN_FINDINGS(
        (c, f) -> ok(c.get("/api/preservation/audits/" + f.preservation.auditRunId()))),
    FIXITY_REPORT_PAGE((c, f) -> ok(c.get("/reports/fixity.html", "text/html"))),
    // Search inside documents: the text index's progress and failures (they name documents), and
    // the retry of
    // failed versions.
    DOCUMENT_TEXT_INDEX_PROGRESS((c, f) -> ok(c.get("/api/documents/text-index"))),
    DOCUMENT_TEXT_INDEX_RETRY((c, f) -> ok(c.post("/api/documents/text-index/retries"))),
    BULK_EXPORT_START(
        (c, f) ->
            started(
                c,
                c.postJson("/api/exports", Map.of("faculty", f.preservation.emptyFaculty())),
                "/api/exports/",
                "/status")),
    BULK_EXPORT_DOWNLOAD_OF_OWN_JOB(
        (c, f) -> {
          Response answer =
              c.postJson("/api/exports", Map.of("faculty", f.preservation.emptyFaculty()));
          return started(c, answer, "/api/exports/", "/status")
              && ok(
                  c.get(
                      "/api/exports/" + answer.json().get("id").asText() + "/download",
                      "application/zip"));
        }),
    BULK_EXPORT_STATUS_OF_ANOTHER_USERS_JOB(
        (c, f) -> ok(c.get("/api/exports/" + f.preservation.managersExport()))),
    BULK_EXPORT_DOWNLOAD_OF_ANOTHER_USERS_JOB(
        (c, f) ->
            ok(
                c.get(
                    "/api/exports/" + f.preservation.managersExport() + "/download",
                    "application/zip"))),
    SYSTEM_BACKUP_START(
        (c, f) -> started(c, c.post("/api/admin/backups"), "/api/admin/backups/", "/status")),
    SYSTEM_BACKUP_STATUS((c, f) -> ok(c.get("/api/admin/backups/" + f.preservation.backup()))),

    // Tasklist filters: each readable by the groups that do that work.
    FILTER_MY_TASKS((c, f) -> filter(c, "کارهای من و گروه من")),
    FILTER_FACULTY_CHECKS((c, f) -> filter(c, "کارهای دانشکده من")),
    FILTER_OVERDUE((c, f) -> filter(c, "کارهای گذشته از مهلت")),
    FILTER_CENTRAL_ADMISSION_CHECKS((c, f) -> filter(c, "بررسی‌های ستاد پذیرش")),
    FILTER_CLEARANCE_CHECKS((c, f) -> filter(c, "تسویه پرونده‌ها (گزارش ۱۱۲)")),
    FILTER_GRADUATES_OFFICE((c, f) -> filter(c, "کارهای اداره دانش‌آموختگان")),
    FILTER_STUCK_FILES((c, f) -> filter(c, "پیگیری پرونده‌های معطل")),

    // Engine side: who starts a study document from Tasklist.
    ENGINE_START_STUDY_DOCUMENT_PROCESS(
        (c, f) ->
            f.may(
                    c,
                    Permissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION,
                    "StudyDocumentProcess")
                && f.may(c, Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)),

    // Bulk intake (issue 11): the faculty list, cohort imports, card batches, the unmatched queue
    // and the
    // missing-documents report. Writes are tried with content refused past the access check
    // (nothing changes).
    FACULTY_LIST((c, f) -> listed(c.get("/api/faculties"), "engineering")),
    FACULTY_CREATE(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/faculties",
                    Map.of(
                        "code",
                        "engineering",
                        "nameFa",
                        "دانشکده آزمون دسترسی",
                        "nameEn",
                        "Probe")))),
    FACULTY_CSV_IMPORT(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/faculties/import",
                    Map.of(),
                    "file",
                    new FilePart(
                        null,
                        "faculties.csv",
                        "text/csv",
                        "code,name_fa,name_en\r\n".getBytes(StandardCharsets.UTF_8))))),
    COHORT_IMPORT(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/intake/cohorts",
                    Map.of(),
                    "file",
                    new FilePart(
                        null,
                        "cohort.csv",
                        "text/csv",
                        (String.join(",", CohortImports.columns()) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8))))),
    COHORT_IMPORT_STATUS((c, f) -> ok(c.get("/api/intake/cohorts/" + f.intake.cohortImportId()))),
    COHORT_IMPORT_REPORT_CSV(
        (c, f) -> ok(c.get("/api/intake/cohorts/" + f.intake.cohortImportId() + "/report.csv"))),
    BATCH_UPLOAD(
        (c, f) ->
            permitted(
                c.multipart(
                    "/api/intake/batches",
                    Map.of(),
                    "file",
                    new FilePart(
                        null,
                        "cards.zip",
                        "application/zip",
                        "not a zip".getBytes(StandardCharsets.UTF_8))))),
    BATCH_LIST((c, f) -> listed(c.get("/api/intake/batches"), "matrix-cards.zip")),
    BATCH_STATUS((c, f) -> ok(c.get("/api/intake/batches/" + f.intake.batchId()))),
    BATCH_REPORT_CSV(
        (c, f) -> ok(c.get("/api/intake/batches/" + f.intake.batchId() + "/report.csv"))),
    UNMATCHED_QUEUE((c, f) -> listed(c.get("/api/intake/unmatched"), IntakeFixture.UNMATCHED_NAME)),
    UNMATCHED_ASSIGN(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/intake/unmatched/" + f.intake.unmatchedEntryId() + "/assign",
                    Map.of("studentNumber", f.eng.number(), "typeCode", "NOT_A_CARD")))),
    UNMATCHED_DISCARD(
        (c, f) ->
            permitted(
                c.postJson(
                    "/api/intake/unmatched/" + f.intake.unmatchedEntryId() + "/discard",
                    Map.of("reason", " ")))),
    MISSING_DOCUMENTS_OF_FACULTY(
        (c, f) ->
            listed(c.get("/api/reports/missing-documents?faculty=engineering"), f.eng.number())),
    MISSING_DOCUMENTS_OF_OTHER_FACULTY_CSV(
        (c, f) ->
            shows(c.get("/api/reports/missing-documents.csv?faculty=science"), f.sci.number()));

    final BiFunction<ApiClient, Fixture, Boolean> probe;

    Kind(BiFunction<ApiClient, Fixture, Boolean> probe) {
      this.probe = probe;
    }
  }

  /** Tasklist's university-wide groups; all but the graduates office see every file. */
  static final Set<Role> UNIVERSITY_WIDE =
      EnumSet.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, GRADUATES_OFFICE, MANAGER);

  static final Set<Role> ALL_FILES =
      EnumSet.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES, MANAGER);

  /** Who keeps and corrects every faculty's files (managers only read). */
  static final Set<Role> FILE_KEEPERS =
      EnumSet.of(CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES);

  static final Set<Role> AUDIT_READERS =
      EnumSet.of(MANAGER, CENTRAL_ADMISSION, CENTRAL_RECORDS, GRADUATE_STUDIES);
  static final Set<Role> CLERKS = EnumSet.of(FACULTY_CLERK, OTHER_FACULTY_CLERK);
  static final Set<Role> ENGINE_READERS = EnumSet.of(MANAGER, ADMIN);

  /**
   * Who reads bulk intake's imports, batches and queue: central admission, which does the work, and
   * managers.
   */
  static final Set<Role> INTAKE_READERS = EnumSet.of(CENTRAL_ADMISSION, MANAGER);

  /** Who is let through; every other role is refused. */
  static final Map<Kind, Set<Role>> ALLOWED =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(Kind.PORTAL_OWN_FILE, EnumSet.of(STUDENT)),
              Map.entry(Kind.SEARCH_STUDENT_OF_FACULTY, plus(ALL_FILES, FACULTY_CLERK)),
              Map.entry(Kind.SEARCH_STUDENT_OF_OTHER_FACULTY, plus(ALL_FILES, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.DOCUMENT_OWN_FILE, plus(ALL_FILES, STUDENT, FACULTY_CLERK)),
              Map.entry(Kind.DOCUMENT_OTHER_STUDENT_SAME_FACULTY, plus(ALL_FILES, FACULTY_CLERK)),
              Map.entry(Kind.DOCUMENT_OTHER_FACULTY, plus(ALL_FILES, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.AUDIT_TRAIL, AUDIT_READERS),
              Map.entry(Kind.FILE_EXPORT_WITH_AUDIT_TRAIL, AUDIT_READERS),
              Map.entry(Kind.REVIEW_FORM_OF_FACULTY_TASK, EnumSet.of(FACULTY_CLERK)),
              Map.entry(Kind.RECORD_REVIEW_DECISION, EnumSet.of(FACULTY_CLERK)),
              Map.entry(Kind.UPLOAD_INTO_FILE, EnumSet.of(STUDENT)),
              Map.entry(Kind.ENGINE_TASKS_OF_FACULTY, plus(ENGINE_READERS, FACULTY_CLERK)),
              Map.entry(Kind.ENGINE_TASK_VARIABLES_OF_FACULTY, plus(ENGINE_READERS, FACULTY_CLERK)),
              Map.entry(
                  Kind.ENGINE_TASK_VARIABLES_OF_OTHER_FACULTY,
                  plus(ENGINE_READERS, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.ENGINE_PROCESS_INSTANCE_VARIABLES, ENGINE_READERS),
              Map.entry(Kind.ENGINE_HISTORIC_VARIABLES, ENGINE_READERS),
              Map.entry(Kind.ENGINE_CHANGE_TASK, EnumSet.of(ADMIN)),
              Map.entry(Kind.WEBAPP_CHANGE_TASK, EnumSet.of(ADMIN)),
              Map.entry(Kind.WEBAPP_CHANGE_PROCESS_INSTANCE, EnumSet.of(ADMIN)),
              Map.entry(Kind.ENGINE_TASK_COMMENT, EnumSet.of(ADMIN)),
              Map.entry(Kind.WEBAPP_TASK_COMMENT, EnumSet.of(ADMIN)),
              Map.entry(Kind.ENGINE_TASK_IDENTITY_LINK, EnumSet.of(ADMIN)),
              Map.entry(Kind.WEBAPP_TASK_IDENTITY_LINK, EnumSet.of(ADMIN)),
              Map.entry(Kind.ENGINE_COMPLETE_WITH_FILE_IDENTITY, EnumSet.noneOf(Role.class)),
              Map.entry(Kind.WEBAPP_SUBMIT_WITH_FILE_IDENTITY, EnumSet.noneOf(Role.class)),
              Map.entry(Kind.ENGINE_CORRELATE_MESSAGE, EnumSet.of(ADMIN)),
              Map.entry(Kind.WEBAPP_CORRELATE_MESSAGE, EnumSet.of(ADMIN)),
              Map.entry(Kind.ENGINE_CREATE_STANDALONE_TASK, EnumSet.of(ADMIN)),
              Map.entry(Kind.ENGINE_CHANGE_PROCESS_INSTANCE, EnumSet.of(ADMIN)),
              Map.entry(Kind.ENGINE_DEPLOY_MODEL, EnumSet.of(PROCESS_OWNER, ADMIN)),
              Map.entry(Kind.ENGINE_MIGRATE_INSTANCES, EnumSet.of(PROCESS_OWNER, ADMIN)),
              Map.entry(Kind.ENGINE_CREATE_GROUP, EnumSet.of(ADMIN)),
              Map.entry(
                  Kind.APP_TASKLIST,
                  plus(UNIVERSITY_WIDE, FACULTY_CLERK, OTHER_FACULTY_CLERK, ADMIN)),
              Map.entry(Kind.APP_COCKPIT, EnumSet.of(MANAGER, PROCESS_OWNER, ADMIN)),
              Map.entry(Kind.APP_ADMIN, EnumSet.of(ADMIN)),
              Map.entry(Kind.CREATE_FILE_OF_FACULTY, EnumSet.of(CENTRAL_ADMISSION, FACULTY_CLERK)),
              Map.entry(
                  Kind.CREATE_FILE_OF_OTHER_FACULTY,
                  EnumSet.of(CENTRAL_ADMISSION, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.FILE_PAGE_OF_FACULTY, plus(ALL_FILES, STUDENT, FACULTY_CLERK)),
              Map.entry(Kind.FILE_PAGE_OF_OTHER_FACULTY, plus(ALL_FILES, OTHER_FACULTY_CLERK)),
              Map.entry(
                  Kind.FILE_PAGE_OF_CLEARED_FILE, plus(ALL_FILES, FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(Kind.FILE_PAGE_SHOWS_WHO_READ_IT, AUDIT_READERS),
              Map.entry(
                  Kind.DOCUMENT_OF_CLEARED_FILE, plus(ALL_FILES, FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(Kind.EDIT_FILE_OF_FACULTY, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(Kind.EDIT_FILE_OF_OTHER_FACULTY, plus(FILE_KEEPERS, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.EDIT_DOCUMENT_OF_FACULTY, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(
                  Kind.EDIT_DOCUMENT_OF_OTHER_FACULTY, plus(FILE_KEEPERS, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.NEW_DOCUMENT_VERSION, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(Kind.DELETE_DOCUMENT_FOR_CORRECTION, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(Kind.RESTORE_DOCUMENT, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(Kind.SEARCH_DOCUMENTS_OF_FACULTY, plus(ALL_FILES, STUDENT, FACULTY_CLERK)),
              Map.entry(
                  Kind.SEARCH_DOCUMENTS_OF_OTHER_FACULTY, plus(ALL_FILES, OTHER_FACULTY_CLERK)),
              Map.entry(
                  Kind.SEARCH_DOCUMENTS_OF_CLEARED_FILE,
                  plus(ALL_FILES, FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(
                  Kind.SEARCH_STUDENT_OF_CLEARED_FILE,
                  plus(ALL_FILES, FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(Kind.STUDY_LETTER_OF_FACULTY, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(
                  Kind.STUDY_LETTER_OF_OTHER_FACULTY, plus(FILE_KEEPERS, OTHER_FACULTY_CLERK)),
              Map.entry(Kind.STUDY_LETTER_FOR_START_FORM, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(Kind.SERVICE_COUNTER_REFERENCE, plus(FILE_KEEPERS, FACULTY_CLERK)),
              Map.entry(Kind.STUDY_DOCUMENT_TYPES, EnumSet.allOf(Role.class)),
              Map.entry(Kind.NOTES_REPORT_OF_FACULTY_STUDENT, plus(ALL_FILES, FACULTY_CLERK)),
              Map.entry(
                  Kind.NOTES_REPORT_OF_OTHER_FACULTY_CSV, plus(ALL_FILES, OTHER_FACULTY_CLERK)),
              Map.entry(
                  Kind.NOTES_REPORT_OF_OTHER_FACULTY_STUDENT_PDF,
                  plus(ALL_FILES, OTHER_FACULTY_CLERK)),
              Map.entry(
                  Kind.NOTES_REPORT_OF_CLEARED_FILE,
                  plus(ALL_FILES, FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(
                  Kind.NOTES_REPORT_OF_FACULTY_SHOWS_UNCLEARED_FILE,
                  plus(ALL_FILES, FACULTY_CLERK)),
              Map.entry(
                  Kind.NOTES_REPORT_OFFERS_OTHER_FACULTY,
                  plus(ALL_FILES, OTHER_FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(
                  Kind.STUDY_END, EnumSet.of(FACULTY_CLERK, CENTRAL_RECORDS, GRADUATE_STUDIES)),
              Map.entry(Kind.CLEARANCE_FORM_OF_CENTRAL_CHECK, EnumSet.of(CENTRAL_RECORDS)),
              Map.entry(Kind.CLEARANCE_FORM_OF_FACULTY_COMPLETION, EnumSet.of(FACULTY_CLERK)),
              Map.entry(Kind.CLEARANCE_NOTE_OF_FACULTY_COMPLETION, EnumSet.of(FACULTY_CLERK)),
              Map.entry(Kind.GRADUATION_DOCUMENTS_REQUEST, EnumSet.of(STUDENT)),
              Map.entry(Kind.ENGINE_CENTRAL_CLEARANCE_TASK, plus(ENGINE_READERS, CENTRAL_RECORDS)),
              Map.entry(Kind.ENGINE_FACULTY_COMPLETION_TASK, plus(ENGINE_READERS, FACULTY_CLERK)),
              Map.entry(
                  Kind.ENGINE_GRADUATION_REQUEST_TASK, plus(ENGINE_READERS, GRADUATES_OFFICE)),

              // The certificate states what the file page shows: whoever may see the cleared file
              // may take it away.
              Map.entry(
                  Kind.CLEARANCE_CERTIFICATE_OF_CLEARED_FILE,
                  plus(ALL_FILES, FACULTY_CLERK, GRADUATES_OFFICE)),
              Map.entry(
                  Kind.CLEARANCE_CERTIFICATE_OF_FILE_NOT_CLEARED,
                  plus(ALL_FILES, STUDENT, FACULTY_CLERK)),
              // Verifying tells about the uploaded bytes only: every signed-in role may.
              Map.entry(Kind.VERIFY_SIGNATURE, EnumSet.allOf(Role.class)),
              Map.entry(Kind.OFFICE_CERTIFICATE, EnumSet.allOf(Role.class)),
              Map.entry(Kind.STUCK_FILES, EnumSet.of(MANAGER)),
              Map.entry(Kind.STUCK_FILES_CSV, EnumSet.of(MANAGER)),
              Map.entry(Kind.MIGRATION_DRY_RUN, EnumSet.of(PROCESS_OWNER)),
              Map.entry(Kind.PROMETHEUS_METRICS, EnumSet.of(MANAGER)),
              Map.entry(Kind.FIXITY_AUDIT_OF_ONE_FILE, EnumSet.of(MANAGER, CENTRAL_RECORDS)),
              Map.entry(Kind.FIXITY_AUDIT_OF_WHOLE_ARCHIVE, EnumSet.of(MANAGER, CENTRAL_RECORDS)),
              Map.entry(Kind.FIXITY_AUDIT_RUNS_AND_BACKLOG, EnumSet.of(MANAGER, CENTRAL_RECORDS)),
              Map.entry(Kind.FIXITY_AUDIT_RUN_FINDINGS, EnumSet.of(MANAGER, CENTRAL_RECORDS)),
              // The page is a shell with no data of its own (it shows what the runs API answers the
              // reader): as the other
              // report pages, any signed-in user gets it.
              Map.entry(Kind.FIXITY_REPORT_PAGE, EnumSet.allOf(Role.class)),
              Map.entry(Kind.DOCUMENT_TEXT_INDEX_PROGRESS, EnumSet.of(MANAGER, CENTRAL_RECORDS)),
              Map.entry(Kind.DOCUMENT_TEXT_INDEX_RETRY, EnumSet.of(CENTRAL_RECORDS)),
              Map.entry(Kind.BULK_EXPORT_START, AUDIT_READERS),
              Map.entry(Kind.BULK_EXPORT_DOWNLOAD_OF_OWN_JOB, AUDIT_READERS),
              Map.entry(Kind.BULK_EXPORT_STATUS_OF_ANOTHER_USERS_JOB, EnumSet.of(MANAGER)),
              Map.entry(Kind.BULK_EXPORT_DOWNLOAD_OF_ANOTHER_USERS_JOB, EnumSet.of(MANAGER)),
              Map.entry(Kind.SYSTEM_BACKUP_START, EnumSet.of(ADMIN)),
              Map.entry(Kind.SYSTEM_BACKUP_STATUS, EnumSet.of(ADMIN)),
              Map.entry(
                  Kind.FILTER_MY_TASKS,
                  plus(UNIVERSITY_WIDE, FACULTY_CLERK, OTHER_FACULTY_CLERK, ADMIN)),
              Map.entry(
                  Kind.FILTER_FACULTY_CHECKS,
                  EnumSet.of(FACULTY_CLERK, OTHER_FACULTY_CLERK, ADMIN)),
              Map.entry(
                  Kind.FILTER_OVERDUE,
                  plus(UNIVERSITY_WIDE, FACULTY_CLERK, OTHER_FACULTY_CLERK, ADMIN)),
              Map.entry(Kind.FILTER_CENTRAL_ADMISSION_CHECKS, EnumSet.of(CENTRAL_ADMISSION, ADMIN)),
              Map.entry(
                  Kind.FILTER_CLEARANCE_CHECKS,
                  EnumSet.of(CENTRAL_RECORDS, GRADUATE_STUDIES, ADMIN)),
              Map.entry(Kind.FILTER_GRADUATES_OFFICE, EnumSet.of(GRADUATES_OFFICE, ADMIN)),
              Map.entry(Kind.FILTER_STUCK_FILES, EnumSet.of(MANAGER, ADMIN)),
              Map.entry(
                  Kind.ENGINE_START_STUDY_DOCUMENT_PROCESS,
                  EnumSet.of(FACULTY_CLERK, OTHER_FACULTY_CLERK, ADMIN)),

              // Central admission keeps the faculty list and does bulk intake; managers read its
              // reports; every member of
              // staff reads the faculty list; the missing-documents report follows who sees which
              // faculty's files.
              Map.entry(Kind.FACULTY_LIST, EnumSet.complementOf(EnumSet.of(STUDENT))),
              Map.entry(Kind.FACULTY_CREATE, EnumSet.of(CENTRAL_ADMISSION)),
              Map.entry(Kind.FACULTY_CSV_IMPORT, EnumSet.of(CENTRAL_ADMISSION)),
              Map.entry(Kind.COHORT_IMPORT, EnumSet.of(CENTRAL_ADMISSION)),
              Map.entry(Kind.COHORT_IMPORT_STATUS, INTAKE_READERS),
              Map.entry(Kind.COHORT_IMPORT_REPORT_CSV, INTAKE_READERS),
              Map.entry(Kind.BATCH_UPLOAD, EnumSet.of(CENTRAL_ADMISSION)),
              Map.entry(Kind.BATCH_LIST, INTAKE_READERS),
              Map.entry(Kind.BATCH_STATUS, INTAKE_READERS),
              Map.entry(Kind.BATCH_REPORT_CSV, INTAKE_READERS),
              Map.entry(Kind.UNMATCHED_QUEUE, INTAKE_READERS),
              Map.entry(Kind.UNMATCHED_ASSIGN, EnumSet.of(CENTRAL_ADMISSION)),
              Map.entry(Kind.UNMATCHED_DISCARD, EnumSet.of(CENTRAL_ADMISSION)),
              Map.entry(Kind.MISSING_DOCUMENTS_OF_FACULTY, plus(ALL_FILES, FACULTY_CLERK)),
              Map.entry(
                  Kind.MISSING_DOCUMENTS_OF_OTHER_FACULTY_CSV,
                  plus(ALL_FILES, OTHER_FACULTY_CLERK))));

  @LocalServerPort int port;
  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired NoteService notes;
  @Autowired GraduationClearance clearance;
  @Autowired StudyDocumentWorkflow studyDocuments;
  @Autowired FixityAudit audit;
  @Autowired BulkExport exports;
  @Autowired SystemBackup backups;
  @Autowired PreservationJobs jobs;
  @Autowired CohortImports cohortImports;
  @Autowired CardBatches cardBatches;

  Fixture fixture;
  final Map<Role, ApiClient> clients = new EnumMap<>(Role.class);

  @BeforeAll
  void files() {
    FileFixture eng =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    FileFixture eng2 =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            FileFixture.ADMISSION_1402.subList(0, 1),
            false,
            students,
            runtime,
            management,
            tasks);
    FileFixture sci =
        FileFixture.admit(
            port,
            FileFixture.bachelor("science"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    for (FileFixture file : List.of(eng, sci)) {
      notes.record(
          file.student().id(), NoteKind.GENERAL, "یادداشت آزمون دسترسی", "clerk", List.of(), null);
    }
    ClearanceFixture.Services services =
        new ClearanceFixture.Services(
            students, studyDocuments, clearance, runtime, tasks, management);
    fixture =
        new Fixture(
            eng,
            eng2,
            sci,
            ClearanceFixture.at(ClearanceFixture.Step.CENTRAL_CHECK, services),
            ClearanceFixture.at(ClearanceFixture.Step.FACULTY_COMPLETION, services),
            ClearanceFixture.at(ClearanceFixture.Step.CLEARED, services),
            PreservationFixture.create(audit, exports, backups, jobs, students, eng),
            IntakeFixture.create(cohortImports, cardBatches),
            identity,
            authorizations);
  }

  static Stream<Arguments> matrix() {
    assertThat(ALLOWED.keySet())
        .as("every kind has its row")
        .containsExactlyInAnyOrder(Kind.values());
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
      case OTHER_FACULTY_CLERK -> ApiClient.signedIn(port, "clerk.sci", "parvandeh");
      case CENTRAL_ADMISSION -> ApiClient.signedIn(port, "central.admission", "parvandeh");
      case CENTRAL_RECORDS -> ApiClient.signedIn(port, "central.records", "parvandeh");
      case GRADUATE_STUDIES -> ApiClient.signedIn(port, "grad.studies", "parvandeh");
      case GRADUATES_OFFICE -> ApiClient.signedIn(port, "graduates.office", "parvandeh");
      case MANAGER -> ApiClient.signedIn(port, "manager", "parvandeh");
      case PROCESS_OWNER -> ApiClient.signedIn(port, "process.owner", "parvandeh");
      case ADMIN -> ApiClient.signedIn(port, "admin", "parvandeh");
    };
  }

  /**
   * The files the matrix is tried on: two engineering files and a science file waiting for the
   * faculty check, and three engineering files in graduation clearance (at the central check, back
   * at the faculty, cleared); and the engine's own answer for permissions no HTTP call shows.
   */
  record Fixture(
      FileFixture eng,
      FileFixture eng2,
      FileFixture sci,
      ClearanceFixture centralCheck,
      ClearanceFixture completion,
      ClearanceFixture cleared,
      PreservationFixture preservation,
      IntakeFixture intake,
      IdentityService identity,
      AuthorizationService authorizations) {

    boolean may(ApiClient client, Permission permission, Resource resource, String resourceId) {
      String user = userOf(client);
      List<String> groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      return authorizations.isUserAuthorized(user, groups, permission, resource, resourceId);
    }

    private static String userOf(ApiClient client) {
      return client.get("/api/me").json().get("username").asText();
    }
  }

  /**
   * A cohort import (its one row rejected, so no file is opened) and a card batch whose one card
   * names nobody, so it waits in the unmatched queue for the assign and discard probes (which never
   * resolve it).
   */
  record IntakeFixture(Long cohortImportId, Long batchId, Long unmatchedEntryId) {

    static final String UNMATCHED_NAME = "4099999999_EXAM_CARD.pdf";

    static IntakeFixture create(CohortImports cohorts, CardBatches batches) {
      String row =
          "\r\n4099999998,1111111111,probe,probe,,engineering,کارشناسی,,1403,سراسری,false\r\n";
      Long cohortId =
          cohorts
              .start(
                  "matrix-cohort.csv",
                  (String.join(",", CohortImports.columns()) + row)
                      .getBytes(StandardCharsets.UTF_8),
                  "central.admission")
              .id();
      java.nio.file.Path archive = batches.newUploadFile();
      try (var zip =
          new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(archive))) {
        zip.putNextEntry(new java.util.zip.ZipEntry(UNMATCHED_NAME));
        zip.write(DemoFiles.pdf("matrix card " + UUID.randomUUID()));
        zip.closeEntry();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Long batchId = batches.receive("matrix-cards.zip", archive, "central.admission").id();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!batches.status(batchId).status().equals("DONE")
          || !cohorts.status(cohortId, false).status().equals("DONE")) {
        assertThat(System.nanoTime())
            .as("the intake fixture is done within a minute")
            .isLessThan(deadline);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return new IntakeFixture(cohortId, batchId, batches.status(batchId).entries().get(0).id());
    }
  }

  /** 2xx: let through. 401/403/404: refused. Anything else is a bug in the probe or the server. */
  static boolean ok(Response answer) {
    assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 204, 401, 403, 404);
    return answer.status() < 300;
  }

  /**
   * A background job started (202) and waited for, so no probe's job runs into the next one; or
   * refused. The job's status is at {@code statusPointer} of {@code statusPrefix + id}.
   */
  static boolean started(
      ApiClient client, Response answer, String statusPrefix, String statusPointer) {
    assertThat(answer.status()).as(answer.toString()).isIn(202, 401, 403);
    if (answer.status() != 202) {
      return false;
    }
    String status = statusPrefix + answer.json().get("id").asText();
    for (int i = 0;
        i < 1500 && "RUNNING".equals(client.get(status).json().at(statusPointer).asText());
        i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(client.get(status).json().at(statusPointer).asText())
        .as(status)
        .isNotEqualTo("RUNNING");
    return true;
  }

  /**
   * Past the access check: done, or refused for the file's state (e.g. 409 claim first, uploads
   * closed).
   */
  static boolean permitted(Response answer) {
    assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 204, 400, 401, 403, 404, 409);
    return answer.status() != 401 && answer.status() != 403 && answer.status() != 404;
  }

  /**
   * A document answer (CSV) that names the expected text; a refusal or a document without it is
   * "not allowed".
   */
  static boolean shows(Response answer, String expected) {
    if (answer.status() == 401 || answer.status() == 403) {
      return false;
    }
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.text().contains(expected);
  }

  /**
   * A change through one of the engine's doors: 2xx, or an answer of the engine itself past our
   * door (a 400/500 about the request's content, e.g. no such message) means let through; our
   * door's refusals and 401/403/404 mean refused.
   */
  static boolean changed(
      EngineDoor door, ApiClient client, String method, String path, Object body) {
    Response answer = door.call(client, method, path, body);
    assertThat(answer.status()).as(answer.toString()).isIn(200, 204, 400, 401, 403, 404, 500);
    if (answer.status() < 300) {
      return true;
    }
    String text = answer.text();
    boolean ourRefusal =
        text.contains("\"messageFa\"")
            || answer.status() == 401
            || answer.status() == 403
            || answer.status() == 404;
    return !ourRefusal;
  }

  /** A completion that says the task belongs to another faculty's student. */
  static Map<String, Object> otherStudent(Fixture f) {
    return Map.of(
        "variables",
        Map.of(
            StudentFileProcess.VAR_STUDENT_NUMBER,
            Map.of("value", f.sci.number(), "type", "String")));
  }

  /**
   * A list answer that contains the expected id or name; a refusal or an empty list is "not
   * allowed".
   */
  static boolean listed(Response answer, String expected) {
    if (answer.status() == 401 || answer.status() == 403) {
      return false;
    }
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.text().contains("\"" + expected + "\"");
  }

  /** Whether the user may read the Tasklist filter of this name. */
  static boolean filter(ApiClient client, String name) {
    return listed(client.engineRest("GET", "/filter?maxResults=50", null), name);
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
    String bpmn =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/"
            + "20100524/MODEL\" targetNamespace=\"http://parvandeh.app/matrix\"><process id=\"MatrixProbe\" "
            + "isExecutable=\"false\"/></definitions>";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix-probe\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"MatrixProbe.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    String user = Fixture.userOf(client);
    String password = user.equals(fixture.eng().number()) ? fixture.eng().password() : "parvandeh";
    return client.call(
        "POST",
        "/engine-rest/deployment/create",
        Map.of(
            "Content-Type", "multipart/form-data; boundary=" + boundary,
            "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))),
        body);
  }

  static final FilePart PDF =
      new FilePart(null, "probe.pdf", "application/pdf", DemoFiles.pdf("probe"));

  /**
   * An edit based on a row version nobody saw: past the access check it is a 409, and nothing
   * changes.
   */
  static Map<String, Object> staleRowVersion() {
    return Map.of(
        "rowVersion", -1, "firstName", "probe", "lastName", "probe", "description", "probe");
  }

  /**
   * A new file with the same number as an existing one: past the access check it is a 409, nothing
   * is created.
   */
  static Map<String, Object> newStudentLike(StudentRef s) {
    return Map.of(
        "studentNumber",
        s.studentNumber(),
        "nationalId",
        s.nationalId(),
        "firstName",
        "probe",
        "lastName",
        "probe",
        "facultyCode",
        s.faculty().code(),
        "degree",
        "BACHELOR",
        "entryYear",
        1402,
        "admissionType",
        "REMOTE",
        "brilliantTalent",
        false);
  }

  @SafeVarargs
  static <T extends Enum<T>> Set<T> plus(Set<T> base, T... more) {
    Set<T> result = EnumSet.copyOf(base);
    result.addAll(List.of(more));
    return result;
  }
}
