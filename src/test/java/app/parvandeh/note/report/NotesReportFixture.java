package app.parvandeh.note.report;

import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.Upload;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.note.NoteView;
import app.parvandeh.security.Groups;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.StaffUsers;
import app.parvandeh.support.TestStudents;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Notes made for one test: a faculty with two students (one with admission documents, a
 * registration-complete note, a service-counter reference and a plain note; one with a plain note),
 * another faculty with one student, and staff users for each.
 */
final class NotesReportFixture {

  static final String PASSWORD = StaffUsers.PASSWORD;
  static final String COUNTER_ADDRESS = "golestan:service-counter/request/98765";

  final String faculty;
  final String otherFaculty;
  final String clerk;
  final String otherClerk;
  final String central;
  final StudentRef first;
  final NewStudent firstData;
  final StudentRef second;
  final StudentRef elsewhere;
  final NoteView registration;
  final NoteView counter;
  final NoteView plain;
  final NoteView secondNote;

  NotesReportFixture(
      StudentService students,
      DocumentService documents,
      NoteService notes,
      IdentityService identity,
      RuntimeService runtime,
      ManagementService management) {
    String suffix = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(900000));
    faculty = "rep" + suffix;
    otherFaculty = "rpo" + suffix;
    students.registerFaculty(faculty, "دانشکده گزارش " + suffix, "Report faculty " + suffix);
    students.registerFaculty(otherFaculty, "دانشکده دیگر " + suffix, "Other faculty " + suffix);
    clerk = user(identity, "rclerk" + suffix, FacultyRef.groupOf(faculty));
    otherClerk = user(identity, "rother" + suffix, FacultyRef.groupOf(otherFaculty));
    central = user(identity, "rcentral" + suffix, Groups.CENTRAL_RECORDS);

    firstData = TestStudents.newStudent(faculty, 1402, false);
    first = students.admit(firstData, "admission-office");
    runJobs(runtime, management, first.studentNumber());
    documents.uploadAdmissionDocuments(
        first.id(),
        List.of(
            upload("BIRTH_CERTIFICATE", "birth-certificate.pdf", DemoFiles.pdf("birth")),
            upload("PHOTO", "photo-2024.jpg", DemoFiles.jpeg())),
        first.studentNumber());
    registration = notes.recordRegistrationComplete(first.id(), clerk);
    counter =
        notes.record(
            first.id(),
            NoteKind.SERVICE_COUNTER_REFERENCE,
            "گواهی اشتغال به تحصیل از پیشخوان خدمت صادر شد.",
            clerk,
            List.of(new NewAddress(COUNTER_ADDRESS, "گواهی اشتغال به تحصیل", null)),
            null);
    plain =
        notes.record(
            first.id(),
            NoteKind.GENERAL,
            "دانشجو برای پیگیری پرونده تماس گرفت.",
            clerk,
            List.of(),
            null);

    second = students.admit(TestStudents.newStudent(faculty, 1403, false), "admission-office");
    secondNote =
        notes.record(second.id(), NoteKind.GENERAL, "یادداشت دانشجوی دوم", clerk, List.of(), null);
    elsewhere =
        students.admit(TestStudents.newStudent(otherFaculty, 1403, false), "admission-office");
    notes.record(
        elsewhere.id(), NoteKind.GENERAL, "یادداشت دانشکده دیگر", otherClerk, List.of(), null);
  }

  private static Upload upload(String type, String name, byte[] bytes) {
    return new Upload(type, name, () -> new ByteArrayInputStream(bytes));
  }

  private static String user(IdentityService identity, String id, String group) {
    return StaffUsers.create(identity, id, group);
  }

  /** Runs the file's due jobs (the checklist decision), as the job executor would. */
  private static void runJobs(RuntimeService runtime, ManagementService management, String number) {
    DueJobs.runForFile(runtime, management, number);
  }
}
