package app.parvandeh.demo;

import app.parvandeh.document.DocumentService;
import app.parvandeh.document.Upload;
import app.parvandeh.security.Groups;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.Student;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.StudentFileWorkflow;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One user per role, three faculties, and three new students; the first has uploaded their documents, so the
 * engineering clerk finds a check waiting in Tasklist. Runs once: a restart finds the data and leaves it.
 */
@Component
@Profile("demo")
@Order(10)
@EnableConfigurationProperties(DemoProperties.class)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final StudentService students;
  private final DocumentService documents;
  private final StudentFileWorkflow workflow;
  private final DemoProperties properties;

  DemoData(IdentityService identity, ManagementService management, RuntimeService runtime, StudentService students,
      DocumentService documents, StudentFileWorkflow workflow, DemoProperties properties) {
    this.identity = identity;
    this.management = management;
    this.runtime = runtime;
    this.students = students;
    this.documents = documents;
    this.workflow = workflow;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    students.registerFaculty("engineering", "دانشکده فنی و مهندسی", "Faculty of Engineering");
    students.registerFaculty("science", "دانشکده علوم پایه", "Faculty of Science");
    students.registerFaculty("humanities", "دانشکده علوم انسانی", "Faculty of Humanities");

    user("admin", "مدیر", "سامانه", Groups.ADMINS);
    user("clerk.eng", "زهرا", "احمدی", "faculty-engineering");
    user("clerk.sci", "مریم", "حسینی", "faculty-science");
    user("clerk.hum", "سارا", "رضایی", "faculty-humanities");
    user("central.admission", "فاطمه", "کریمی", Groups.CENTRAL_ADMISSION);
    user("central.records", "نرگس", "محمدی", Groups.CENTRAL_RECORDS);
    user("grad.studies", "لیلا", "موسوی", Groups.GRADUATE_STUDIES);
    user("graduates.office", "مینا", "جعفری", Groups.GRADUATES_OFFICE);
    user("manager", "شیما", "کاظمی", Groups.MANAGERS);
    user("process.owner", "الهام", "نوری", Groups.PROCESS_OWNERS);

    Student first = student(new NewStudent("4021100001", "0012345679", "نگار", "صادقی", "engineering",
        Degree.BACHELOR, 1402, AdmissionType.REMOTE, false));
    student(new NewStudent("3991200002", "0023456787", "آزاده", "یوسفی", "science",
        Degree.MASTER, 1399, AdmissionType.REMOTE, false));
    student(new NewStudent("4031100003", "0034567895", "ریحانه", "طاهری", "engineering",
        Degree.PHD, 1403, AdmissionType.REMOTE, true));
    if (first != null) {
      uploadAndSubmit(first);
    }
  }

  private void user(String id, String firstName, String lastName, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@parvandeh.invalid");
    user.setPassword(properties.password());
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  /** Admits the student (which opens the file) unless they exist; returns null when they already did. */
  private Student student(NewStudent data) {
    if (students.find(data.studentNumber()).isPresent()) {
      return null;
    }
    // Admission also creates the student's account: user = student number, password = national ID.
    Student student = students.admit(data, "demo");
    // The checklist step is asynchronous; run it now so the demo file is ready at once.
    String instanceId = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(student.getStudentNumber()).singleResult().getId();
    for (Job job : management.createJobQuery().processInstanceId(instanceId).list()) {
      management.executeJob(job.getId());
    }
    log.info("Demo student {} admitted; sign in with the student number", student.getStudentNumber());
    return student;
  }

  private void uploadAndSubmit(Student student) {
    List<Upload> uploads = documents.checklist(student.getId()).stream()
        .filter(r -> r.supplier() == app.parvandeh.document.Supplier.STUDENT)
        .map(r -> r.typeCode().equals("PHOTO")
            ? new Upload(r.typeCode(), "عکس.png", () -> new ByteArrayInputStream(DemoFiles.png()))
            : new Upload(r.typeCode(), r.typeName() + ".pdf",
                () -> new ByteArrayInputStream(DemoFiles.pdf(r.typeCode()))))
        .toList();
    documents.uploadAdmissionDocuments(student.getId(), uploads, student.getUserId());
    workflow.submitForReview(student, student.getUserId());
  }
}
