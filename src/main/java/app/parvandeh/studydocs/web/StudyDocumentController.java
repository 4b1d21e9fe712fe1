package app.parvandeh.studydocs.web;

import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.Upload;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.studydocs.StudyDocumentWorkflow.Registered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents issued during study (Golestan 18090 / 17030 / 10730). The file page registers and
 * starts StudyDocumentProcess in one call; Tasklist's start form stores the letter first and starts
 * the process itself.
 */
@RestController
class StudyDocumentController {

  private final StudentService students;
  private final StudyDocumentWorkflow workflow;
  private final FileAccessPolicy access;

  StudyDocumentController(
      StudentService students, StudyDocumentWorkflow workflow, FileAccessPolicy access) {
    this.students = students;
    this.workflow = workflow;
    this.access = access;
  }

  /**
   * From the file page: stores an office-automation letter and starts the process that notes it.
   */
  @PostMapping(
      path = "/api/students/{studentNumber}/study-documents/office-letters",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Registered registerLetter(
      @PathVariable String studentNumber,
      @RequestParam(required = false) String typeCode,
      @RequestParam(required = false) String letterNumber,
      @RequestParam(required = false) String letterDate,
      @RequestParam(required = false) String description,
      @RequestPart("file") MultipartFile file,
      Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    StudentRef student = changeable(studentNumber, user);
    return workflow.registerOfficeLetter(
        student,
        typeCode,
        Upload.of(typeCode, file),
        letterNumber,
        letterDate,
        description,
        user.id());
  }

  /**
   * For Tasklist's start form: stores the letter only; the form then starts the process with its
   * id.
   */
  @PostMapping(
      path = "/api/students/{studentNumber}/study-documents/uploads",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  FileDocumentView storeForStartForm(
      @PathVariable String studentNumber,
      @RequestParam(required = false) String typeCode,
      @RequestParam(required = false) String letterNumber,
      @RequestParam(required = false) String letterDate,
      @RequestParam(required = false) String description,
      @RequestPart("file") MultipartFile file,
      Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    StudentRef student = changeable(studentNumber, user);
    return workflow.storeLetterForStartForm(
        student,
        typeCode,
        Upload.of(typeCode, file),
        letterNumber,
        letterDate,
        description,
        user.id());
  }

  /** A service-counter document: where it lives (counter request number and document type). */
  record CounterReference(String requestNumber, String documentType) {}

  @PostMapping("/api/students/{studentNumber}/study-documents/service-counter")
  @ResponseStatus(HttpStatus.CREATED)
  Registered registerCounter(
      @PathVariable String studentNumber,
      @RequestBody CounterReference reference,
      Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    StudentRef student = changeable(studentNumber, user);
    return workflow.registerServiceCounter(
        student, reference.requestNumber(), reference.documentType(), user.id());
  }

  private StudentRef changeable(String studentNumber, CurrentUser user) {
    StudentRef student = students.get(studentNumber);
    access.checkChange(user, student);
    return student;
  }
}
