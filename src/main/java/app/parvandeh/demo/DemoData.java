package app.parvandeh.demo;

import app.parvandeh.security.Groups;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One user per role, three faculties, and five students at different steps: one has uploaded and
 * waits for the engineering clerk's check, two are new, one studies with a letter in the file, one
 * graduated and waits in clearance. Runs once: a restart finds the data and leaves it.
 */
@Component
@Profile("demo")
@Order(10)
@EnableConfigurationProperties(DemoProperties.class)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final StudentService students;
  private final DemoJourneys journeys;
  private final DemoProperties properties;

  DemoData(
      IdentityService identity,
      StudentService students,
      DemoJourneys journeys,
      DemoProperties properties) {
    this.identity = identity;
    this.students = students;
    this.journeys = journeys;
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

    StudentRef uploaded =
        student(
            new NewStudent(
                "4021100001",
                "0012345679",
                "نگار",
                "صادقی",
                "engineering",
                Degree.BACHELOR,
                1402,
                AdmissionType.REMOTE,
                false));
    if (uploaded != null) {
      journeys.uploadAndSubmit(uploaded);
    }
    student(
        new NewStudent(
            "3991200002",
            "0023456787",
            "آزاده",
            "یوسفی",
            "science",
            Degree.MASTER,
            1399,
            AdmissionType.REMOTE,
            false));
    student(
        new NewStudent(
            "4031100003",
            "0034567895",
            "ریحانه",
            "طاهری",
            "engineering",
            Degree.PHD,
            1403,
            AdmissionType.REMOTE,
            true));
    StudentRef studying =
        student(
            new NewStudent(
                "4001100004",
                "0045678901",
                "مهسا",
                "رحیمی",
                "engineering",
                Degree.BACHELOR,
                1400,
                AdmissionType.REMOTE,
                false));
    if (studying != null) {
      journeys.admit(studying, "clerk.eng");
      journeys.issueStudyLetter(studying, "clerk.eng");
    }
    StudentRef graduating =
        student(
            new NewStudent(
                "3981200005",
                "0056789017",
                "زینب",
                "عباسی",
                "science",
                Degree.MASTER,
                1398,
                AdmissionType.REMOTE,
                false));
    if (graduating != null) {
      journeys.admit(graduating, "clerk.sci");
      journeys.issueStudyLetter(graduating, "clerk.sci");
      journeys.graduate(graduating);
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

  /**
   * Admits the student (which opens the file and their account) unless they exist; null when they
   * already did.
   */
  private StudentRef student(NewStudent data) {
    if (students.find(data.studentNumber()).isPresent()) {
      return null;
    }
    StudentRef student = students.admit(data, "demo");
    journeys.prepare(student);
    log.info(
        "Demo student {} admitted; sign in with the student number and national ID",
        student.studentNumber());
    return student;
  }
}
