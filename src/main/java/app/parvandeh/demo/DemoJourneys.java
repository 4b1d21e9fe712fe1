package app.parvandeh.demo;

import app.parvandeh.admission.StudentFileWorkflow;
import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.document.BatchDocuments;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.document.ReviewStage;
import app.parvandeh.document.Supplier;
import app.parvandeh.document.Upload;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.workflow.StudentFileProcess;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Walks demo files along the process as their users would, so every stage has a file to look at:
 * uploaded and waiting for the faculty, during study with a letter, and in graduation clearance.
 */
@Component
@Profile("demo")
class DemoJourneys {

  private final DocumentService documents;
  private final BatchDocuments batchDocuments;
  private final StudentFileWorkflow files;
  private final StudyDocumentWorkflow studyDocuments;
  private final GraduationClearance clearance;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  DemoJourneys(
      DocumentService documents,
      BatchDocuments batchDocuments,
      StudentFileWorkflow files,
      StudyDocumentWorkflow studyDocuments,
      GraduationClearance clearance,
      TaskService tasks,
      RuntimeService runtime,
      ManagementService management) {
    this.documents = documents;
    this.batchDocuments = batchDocuments;
    this.files = files;
    this.studyDocuments = studyDocuments;
    this.clearance = clearance;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  /** Runs the new file's checklist step now (it is asynchronous), so the file is ready at once. */
  void prepare(StudentRef student) {
    runJobs(student);
  }

  /** The student uploads every document they supply and sends them for review. */
  void uploadAndSubmit(StudentRef student) {
    List<Upload> uploads =
        documents.checklist(student.id()).stream()
            .filter(r -> r.supplier() == Supplier.STUDENT)
            .map(
                r ->
                    r.typeCode().equals("PHOTO")
                        ? new Upload(
                            r.typeCode(),
                            "عکس.png",
                            () -> new ByteArrayInputStream(DemoFiles.png()))
                        : new Upload(
                            r.typeCode(),
                            r.typeName() + ".pdf",
                            () -> new ByteArrayInputStream(DemoFiles.pdf(r.typeCode()))))
            .toList();
    documents.uploadAdmissionDocuments(student.id(), uploads, student.userId());
    files.submitForReview(student, student.userId());
  }

  /**
   * Faculty and central clerks accept everything, the card batch brings the exam card and report
   * card, and the registration-complete note is recorded.
   */
  void admit(StudentRef student, String facultyClerk) {
    uploadAndSubmit(student);
    acceptAll(student, StudentFileProcess.TASK_CHECK_FACULTY, ReviewStage.FACULTY, facultyClerk);
    acceptAll(
        student, StudentFileProcess.TASK_CHECK_CENTRAL, ReviewStage.CENTRAL, "central.admission");
    documents.checklist(student.id()).stream()
        .filter(r -> r.supplier() == Supplier.BATCH)
        .forEach(
            r -> {
              String fileName = student.studentNumber() + "_" + r.typeCode() + ".pdf";
              var card =
                  batchDocuments.check(
                      r.typeCode(),
                      fileName,
                      new ByteArrayInputStream(
                          DemoFiles.pdf(r.typeCode() + " " + student.studentNumber())));
              batchDocuments.attach(student.id(), r.typeCode(), card, "central.admission");
            });
    runJobs(student);
  }

  /**
   * An enrolment certificate issued in office automation during study, noted with its address
   * (17030).
   */
  void issueStudyLetter(StudentRef student, String facultyClerk) {
    studyDocuments.registerOfficeLetter(
        student,
        "ENROLLMENT_CERTIFICATE",
        new Upload(
            "ENROLLMENT_CERTIFICATE",
            "گواهی اشتغال به تحصیل.pdf",
            () -> new ByteArrayInputStream(DemoFiles.pdf("ENROLLMENT_CERTIFICATE"))),
        "۱۲۳۴/۵۶",
        "1403/07/15",
        "گواهی اشتغال به تحصیل برای معرفی به سفارت",
        facultyClerk);
    runJobs(student);
  }

  /** Golestan signals graduation: the file enters clearance, waiting for the central clerks. */
  void graduate(StudentRef student) {
    clearance.endStudy(student.studentNumber(), StudentStatus.GRADUATED, "golestan");
    runJobs(student);
  }

  private void acceptAll(StudentRef student, String taskKey, ReviewStage stage, String clerk) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(student.studentNumber())
            .taskDefinitionKey(taskKey)
            .singleResult();
    tasks.claim(task.getId(), clerk);
    documents
        .admissionDocumentsOf(student.id())
        .forEach(
            d ->
                documents.review(
                    student.id(),
                    d.id(),
                    stage,
                    ReviewDecision.ACCEPTED,
                    null,
                    clerk,
                    task.getId()));
    tasks.complete(task.getId());
  }

  /** Runs the file's due asynchronous steps now, so the demo is ready at once. */
  private void runJobs(StudentRef student) {
    for (int round = 0; round < 10; round++) {
      List<Job> due =
          runtime
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(student.studentNumber())
              .list()
              .stream()
              .map(ProcessInstance::getId)
              .flatMap(
                  id ->
                      management
                          .createJobQuery()
                          .processInstanceId(id)
                          .executable()
                          .list()
                          .stream())
              .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
