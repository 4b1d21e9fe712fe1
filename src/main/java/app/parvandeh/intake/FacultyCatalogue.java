package app.parvandeh.intake;

import app.parvandeh.intake.internal.Cells;
import app.parvandeh.intake.internal.CsvTable;
import app.parvandeh.intake.internal.Refusal;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.StudentService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Faculties as reference data, added one by one or from a CSV list ({@code code,name_fa,name_en}).
 * A new faculty gets its clerks' Camunda group and Tasklist filters through {@code
 * FacultyRegistered}; an existing one is left as it is (renaming a faculty is not an import's
 * business).
 */
@Service
public class FacultyCatalogue {

  /** The CSV header of a faculty list. */
  public static final List<String> CSV_COLUMNS = List.of("code", "name_fa", "name_en");

  /**
   * Becomes part of a Camunda group id ({@code faculty-<code>}), whose allowed characters are few.
   */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private static final int MAX_ROWS = 1000;

  private final StudentService students;

  FacultyCatalogue(StudentService students) {
    this.students = students;
  }

  /** A faculty as an admin types it. */
  public record NewFaculty(String code, String nameFa, String nameEn) {}

  public enum FacultyOutcome {
    CREATED,
    UNCHANGED,
    REJECTED
  }

  /** What happened to one faculty (a row of a list, or the single one posted). */
  public record FacultyResult(
      int row,
      String code,
      String nameFa,
      String nameEn,
      String candidateGroup,
      FacultyOutcome outcome,
      String field,
      String reasonFa,
      String reasonEn) {}

  /** Adds the faculty; refuses (400/409) what would not be a valid new or identical faculty. */
  public FacultyResult register(NewFaculty faculty) {
    FacultyResult result = registerOne(1, faculty);
    if (result.outcome() == FacultyOutcome.REJECTED) {
      throw students.faculty(result.code()).isPresent()
          ? ParvandehException.conflict("faculty-exists", result.reasonFa(), result.reasonEn())
          : ParvandehException.badRequest("invalid-faculty", result.reasonFa(), result.reasonEn());
    }
    return result;
  }

  /** Adds every valid row of a faculty list; each row is judged on its own and reported. */
  public List<FacultyResult> importCsv(byte[] csv) {
    CsvTable table = CsvTable.read(csv, CSV_COLUMNS, MAX_ROWS);
    List<FacultyResult> results = new ArrayList<>();
    for (int i = 0; i < table.rows().size(); i++) {
      Map<String, String> cells = table.rows().get(i);
      Refusal shape = table.shapeRefusal(i);
      results.add(
          shape != null
              ? rejected(
                  i + 1,
                  Cells.clean(cells.get("code")),
                  Cells.clean(cells.get("name_fa")),
                  Cells.clean(cells.get("name_en")),
                  shape)
              : registerOne(
                  i + 1,
                  new NewFaculty(cells.get("code"), cells.get("name_fa"), cells.get("name_en"))));
    }
    return results;
  }

  public List<FacultyRef> all() {
    return students.faculties();
  }

  private FacultyResult registerOne(int row, NewFaculty typed) {
    String code = Cells.clean(typed.code()).toLowerCase(Locale.ROOT);
    String nameFa = Cells.clean(typed.nameFa());
    String nameEn = Cells.clean(typed.nameEn());
    Refusal refusal = codeRefusal(code);
    if (refusal == null) {
      refusal = Cells.text("name_fa", "نام فارسی دانشکده", nullToEmpty(typed.nameFa()), true, 200);
    }
    if (refusal == null) {
      refusal =
          Cells.text("name_en", "نام انگلیسی دانشکده", nullToEmpty(typed.nameEn()), true, 200);
    }
    if (refusal != null) {
      return rejected(row, code, nameFa, nameEn, refusal);
    }
    Optional<FacultyRef> existing = students.faculty(code);
    if (existing.isPresent()) {
      FacultyRef f = existing.get();
      if (f.nameFa().equals(nameFa) && f.nameEn().equals(nameEn)) {
        return new FacultyResult(
            row,
            code,
            nameFa,
            nameEn,
            f.candidateGroup(),
            FacultyOutcome.UNCHANGED,
            null,
            null,
            null);
      }
      return rejected(
          row,
          code,
          nameFa,
          nameEn,
          new Refusal(
              "code",
              "دانشکده‌ای با کد «" + code + "» با نام دیگری («" + f.nameFa() + "») ثبت شده است.",
              "A faculty with code '"
                  + code
                  + "' exists under another name ('"
                  + f.nameEn()
                  + "')."));
    }
    FacultyRef created = students.registerFaculty(code, nameFa, nameEn);
    return new FacultyResult(
        row,
        code,
        nameFa,
        nameEn,
        created.candidateGroup(),
        FacultyOutcome.CREATED,
        null,
        null,
        null);
  }

  private static Refusal codeRefusal(String code) {
    if (!CODE.matcher(code).matches()) {
      return new Refusal(
          "code",
          "کد دانشکده باید با حروف کوچک لاتین یا رقم آغاز شود و فقط حروف کوچک لاتین، رقم، - و _ داشته باشد (حداکثر ۴۰).",
          "The faculty code must be lower-case Latin letters, digits, - and _ (at most 40), starting with a letter"
              + " or digit.");
    }
    return null;
  }

  private static FacultyResult rejected(
      int row, String code, String nameFa, String nameEn, Refusal refusal) {
    return new FacultyResult(
        row,
        code,
        nameFa,
        nameEn,
        null,
        FacultyOutcome.REJECTED,
        refusal.field(),
        refusal.reasonFa(),
        refusal.reasonEn());
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
