package app.parvandeh.document.web;

import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.DocumentCorrections.DocumentInfo;
import app.parvandeh.document.DocumentSearch;
import app.parvandeh.document.FileDocumentView;
import app.parvandeh.document.StudyDocuments;
import app.parvandeh.document.StudyDocuments.TypeView;
import app.parvandeh.document.Upload;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.student.StudentService;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Operations on one document of a file (edit, new version, delete for correction, restore) and
 * document search.
 */
@RestController
class FileDocumentController {

  private static final int SEARCH_LIMIT = 50;

  private final StudentService students;
  private final DocumentCorrections corrections;
  private final DocumentSearch search;
  private final StudyDocuments studyDocuments;
  private final FileAccessPolicy access;

  FileDocumentController(
      StudentService students,
      DocumentCorrections corrections,
      DocumentSearch search,
      StudyDocuments studyDocuments,
      FileAccessPolicy access) {
    this.students = students;
    this.corrections = corrections;
    this.search = search;
    this.studyDocuments = studyDocuments;
    this.access = access;
  }

  /** A document information edit, based on the row version the clerk saw. */
  record DocumentEdit(
      String description, String letterNumber, String letterDate, Long rowVersion) {}

  /** A delete for correction needs a reason; a restore may say why. */
  record Deletion(String reason, Long rowVersion) {}

  @PutMapping("/api/documents/{documentId}")
  FileDocumentView edit(
      @PathVariable Long documentId, @RequestBody DocumentEdit edit, Authentication auth) {
    String actor = checkChange(documentId, auth);
    return corrections.editInfo(
        documentId,
        edit.rowVersion(),
        new DocumentInfo(edit.description(), edit.letterNumber(), edit.letterDate()),
        actor);
  }

  @PostMapping(
      path = "/api/documents/{documentId}/versions",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FileDocumentView newVersion(
      @PathVariable Long documentId,
      @RequestParam(required = false) Long rowVersion,
      @RequestPart("file") MultipartFile file,
      Authentication auth) {
    String actor = checkChange(documentId, auth);
    return corrections.addVersion(documentId, rowVersion, Upload.of(null, file), actor);
  }

  @PostMapping("/api/documents/{documentId}/deletion")
  FileDocumentView delete(
      @PathVariable Long documentId, @RequestBody Deletion deletion, Authentication auth) {
    String actor = checkChange(documentId, auth);
    return corrections.deleteForCorrection(
        documentId, deletion.rowVersion(), deletion.reason(), actor);
  }

  @PostMapping("/api/documents/{documentId}/restoration")
  FileDocumentView restore(
      @PathVariable Long documentId, @RequestBody Deletion restoration, Authentication auth) {
    String actor = checkChange(documentId, auth);
    return corrections.restore(documentId, restoration.rowVersion(), actor);
  }

  /**
   * Documents by student number, national ID, name, type, description words or words inside them,
   * within what the caller sees, best match first.
   */
  @GetMapping("/api/documents/search")
  List<DocumentSearch.Hit> search(@RequestParam("q") String query, Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    // Deletions for correction are read, with who deleted what and why, by the audit trail's
    // readers.
    return search.search(query, access.scope(user), access.canReadAudit(user), SEARCH_LIMIT);
  }

  @GetMapping("/api/document-types/study")
  List<TypeView> studyTypes() {
    return studyDocuments.studyTypes();
  }

  private String checkChange(Long documentId, Authentication auth) {
    CurrentUser user = CurrentUser.of(auth);
    access.checkChange(user, students.getById(corrections.studentOf(documentId)));
    return user.id();
  }
}
