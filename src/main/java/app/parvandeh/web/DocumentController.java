package app.parvandeh.web;

import app.parvandeh.admission.StudentFileWorkflow;
import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentViews.ContentView;
import app.parvandeh.document.DocumentViews.DocumentView;
import app.parvandeh.document.PdfPreviews;
import app.parvandeh.document.Upload;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.DocumentHeaders;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads into a student's file and the bytes of one document version. */
@RestController
class DocumentController {

  private final StudentService students;
  private final DocumentService documents;
  private final StudentFileWorkflow workflow;
  private final FileAccessPolicy access;
  private final PdfPreviews previews;
  private final AuditLog audit;

  DocumentController(
      StudentService students,
      DocumentService documents,
      StudentFileWorkflow workflow,
      FileAccessPolicy access,
      PdfPreviews previews,
      AuditLog audit) {
    this.students = students;
    this.documents = documents;
    this.workflow = workflow;
    this.access = access;
    this.previews = previews;
    this.audit = audit;
  }

  /**
   * Several files at once: repeated {@code typeCode} fields paired in order with {@code files}
   * parts. The servlet container keeps parts on disk; each is streamed into the store. All are
   * stored, or none.
   */
  @PostMapping(
      path = "/api/students/{studentNumber}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, List<DocumentView>> upload(
      @PathVariable String studentNumber,
      @RequestParam("typeCode") List<String> typeCodes,
      @RequestPart("files") List<MultipartFile> files,
      Authentication authentication) {
    StudentRef student = students.get(studentNumber);
    CurrentUser user = CurrentUser.of(authentication);
    access.checkStudentUpload(user, student);
    if (workflow.openStudentTask(student.studentNumber()).isEmpty()) {
      throw ParvandehException.conflict(
          "upload-closed",
          "اکنون امکان بارگذاری نیست؛ مدارک شما در حال بررسی است.",
          "Uploads are closed while your documents are being checked.");
    }
    if (typeCodes.size() != files.size()) {
      throw ParvandehException.badRequest(
          "unpaired-files",
          "برای هر فایل باید نوع مدرک مشخص شود.",
          "Each file needs exactly one document type.");
    }
    List<Upload> uploads = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      MultipartFile file = files.get(i);
      uploads.add(new Upload(typeCodes.get(i), file.getOriginalFilename(), file::getInputStream));
    }
    return Map.of(
        "documents", documents.uploadAdmissionDocuments(student.id(), uploads, user.id()));
  }

  @GetMapping("/api/documents/versions/{versionId}/content")
  ResponseEntity<InputStreamResource> content(
      @PathVariable Long versionId, Authentication authentication) throws IOException {
    ContentView content = documents.content(versionId);
    CurrentUser user = CurrentUser.of(authentication);
    access.checkView(user, students.getById(content.studentId()));
    InputStream in = documents.open(content);
    audit.read(
        user.id(),
        AuditAction.DOCUMENT_DOWNLOADED,
        content.studentId(),
        content.documentId(),
        "version " + versionId + ": " + content.fileName());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.mediaType()))
        .contentLength(content.sizeBytes())
        .headers(DocumentHeaders.of(content.mediaType(), content.fileName()))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .eTag(content.sha256())
        .body(new InputStreamResource(in));
  }

  /**
   * A picture of a PDF's first page, for previews where the browser's PDF viewer is not allowed.
   */
  @GetMapping("/api/documents/versions/{versionId}/preview")
  ResponseEntity<byte[]> preview(@PathVariable Long versionId, Authentication authentication)
      throws IOException {
    ContentView content = documents.content(versionId);
    access.checkView(CurrentUser.of(authentication), students.getById(content.studentId()));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .headers(DocumentHeaders.of(MediaType.IMAGE_PNG_VALUE, content.fileName() + ".png"))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(previews.firstPage(content));
  }
}
