package app.parvandeh.security;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.Upload;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.support.TestStudents;
import app.parvandeh.workflow.StudentFileProcess;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * An engineering bachelor in graduation clearance, with an office-automation letter in the file:
 * waiting for the central check, for the faculty's completion, or cleared and waiting for the
 * graduate's request.
 */
public record ClearanceFixture(StudentRef student, String taskId, String contentUrl) {

  /** Where in clearance the file should wait. */
  public enum Step {
    CENTRAL_CHECK,
    FACULTY_COMPLETION,
    CLEARED
  }

  /** The services that walk a file there. */
  public record Services(
      StudentService students,
      StudyDocumentWorkflow studyDocuments,
      GraduationClearance clearance,
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management) {}

  public static ClearanceFixture at(Step step, Services s) {
    NewStudent data = TestStudents.newStudent("engineering", 1399, false);
    StudentRef student = s.students().admit(data, "admission-office");
    String number = student.studentNumber();
    String instance =
        s.runtime()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    s.runtime()
        .createProcessInstanceModification(instance)
        .cancelAllForActivity("Task_DetermineRequiredDocuments")
        .startBeforeActivity("Event_StudyEnded")
        .execute();
    Long letterVersion =
        s.studyDocuments()
            .registerOfficeLetter(
                student,
                "ENROLLMENT_CERTIFICATE",
                new Upload(
                    "ENROLLMENT_CERTIFICATE",
                    "گواهی.pdf",
                    () -> new ByteArrayInputStream(DemoFiles.pdf("letter"))),
                "۱۲۳۴/۵۶",
                "1403/07/15",
                "گواهی اشتغال به تحصیل",
                "clerk.eng")
            .document()
            .current()
            .id();
    String contentUrl = "/api/documents/versions/" + letterVersion + "/content";
    runJobs(number, s);
    s.clearance().endStudy(number, StudentStatus.GRADUATED, "golestan");
    runJobs(number, s);
    String check = task(number, s);
    if (step != Step.CENTRAL_CHECK) {
      s.tasks().claim(check, "central.records");
      s.tasks()
          .complete(
              check,
              step == Step.CLEARED
                  ? Map.of(StudentFileProcess.VAR_FILE_COMPLETE, true)
                  : Map.of(
                      StudentFileProcess.VAR_FILE_COMPLETE,
                      false,
                      StudentFileProcess.VAR_MISSING_ITEMS,
                      "گواهی کارآموزی"));
      runJobs(number, s);
    }
    return new ClearanceFixture(s.students().get(number), task(number, s), contentUrl);
  }

  public String number() {
    return student.studentNumber();
  }

  private static String task(String number, Services s) {
    return s.tasks()
        .createTaskQuery()
        .processDefinitionKey(StudentFileProcess.PROCESS_ID)
        .processInstanceBusinessKey(number)
        .singleResult()
        .getId();
  }

  private static void runJobs(String number, Services s) {
    for (int round = 0; round < 10; round++) {
      List<Job> due =
          s
              .runtime()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(number)
              .list()
              .stream()
              .map(ProcessInstance::getId)
              .flatMap(
                  id ->
                      s
                          .management()
                          .createJobQuery()
                          .processInstanceId(id)
                          .executable()
                          .messages()
                          .list()
                          .stream())
              .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> s.management().executeJob(job.getId()));
    }
  }
}
