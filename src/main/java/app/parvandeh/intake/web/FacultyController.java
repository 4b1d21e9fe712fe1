package app.parvandeh.intake.web;

import app.parvandeh.intake.FacultyCatalogue;
import app.parvandeh.intake.FacultyCatalogue.FacultyOutcome;
import app.parvandeh.intake.FacultyCatalogue.FacultyResult;
import app.parvandeh.intake.FacultyCatalogue.NewFaculty;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.shared.ParvandehException;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The faculty list: read by every member of staff, kept by central admission. */
@RestController
class FacultyController {

  private final FacultyCatalogue faculties;

  FacultyController(FacultyCatalogue faculties) {
    this.faculties = faculties;
  }

  record FacultyView(String code, String nameFa, String nameEn, String candidateGroup) {}

  /** Staff only: a student has no use for the list of faculties and their clerks' groups. */
  @GetMapping("/api/faculties")
  List<FacultyView> list(Authentication authentication) {
    if (CurrentUser.of(authentication).isStudent()) {
      throw ParvandehException.forbidden(
          "فهرست دانشکده‌ها ویژه کارکنان است.", "The faculty list is for staff.");
    }
    return faculties.all().stream()
        .map(f -> new FacultyView(f.code(), f.nameFa(), f.nameEn(), f.candidateGroup()))
        .toList();
  }

  /** 201 for a new faculty, 200 when the same faculty is already there. */
  @PostMapping("/api/faculties")
  ResponseEntity<FacultyResult> create(
      @RequestBody NewFaculty faculty, Authentication authentication) {
    IntakeAccess.centralAdmission(authentication);
    FacultyResult result = faculties.register(faculty);
    return ResponseEntity.status(
            result.outcome() == FacultyOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
        .body(result);
  }

  record FacultyImport(long created, long unchanged, long rejected, List<FacultyResult> rows) {}

  /** A CSV list {@code code,name_fa,name_en}; every row is judged on its own and reported. */
  @PostMapping(path = "/api/faculties/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FacultyImport importCsv(@RequestPart("file") MultipartFile file, Authentication authentication)
      throws IOException {
    IntakeAccess.centralAdmission(authentication);
    List<FacultyResult> rows = faculties.importCsv(file.getBytes());
    return new FacultyImport(
        count(rows, FacultyOutcome.CREATED),
        count(rows, FacultyOutcome.UNCHANGED),
        count(rows, FacultyOutcome.REJECTED),
        rows);
  }

  private static long count(List<FacultyResult> rows, FacultyOutcome outcome) {
    return rows.stream().filter(r -> r.outcome() == outcome).count();
  }
}
