package app.parvandeh.note.report;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentService.VersionSummary;
import app.parvandeh.note.Note;
import app.parvandeh.note.NoteAddress;
import app.parvandeh.note.report.NotesReport.AddressLine;
import app.parvandeh.note.report.NotesReport.Filters;
import app.parvandeh.note.report.NotesReport.NoteLine;
import app.parvandeh.note.report.NotesReport.StudentInfo;
import app.parvandeh.note.report.NotesReport.StudentNotes;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.FileAccessPolicy;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.Faculty;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.Student;
import app.parvandeh.student.StudentService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds report 112 for what the signed-in user may see: one student's notes, or a faculty's and/or a date
 * range's across students; every address resolved against the document store.
 */
@Service
public class NotesReportService {

  private final NoteReportQueries queries;
  private final StudentService students;
  private final DocumentService documents;
  private final FileAccessPolicy access;
  private final AuditLog audit;
  private final UserNames names;
  private final Clock clock;

  NotesReportService(NoteReportQueries queries, StudentService students, DocumentService documents,
      FileAccessPolicy access, AuditLog audit, UserNames names, Clock clock) {
    this.queries = queries;
    this.students = students;
    this.documents = documents;
    this.access = access;
    this.audit = audit;
    this.names = names;
    this.clock = clock;
  }

  /** Report 112 for these filters (each optional, at least one given); refuses what the user may not see. */
  @Transactional(readOnly = true)
  public NotesReport report(CurrentUser user, String studentNumber, String facultyCode, String from, String to) {
    if (user.isStudent()) {
      throw ParvandehException.forbidden("گزارش توضیحات دانشجویان ویژه کارکنان است.",
          "The notes report is for staff.");
    }
    JalaliDateRange range = JalaliDateRange.parse(from, to);
    String number = blank(studentNumber) ? null : PersianText.digits(studentNumber);
    String code = blank(facultyCode) ? null : facultyCode.strip();
    if (number == null && code == null && !range.isBounded()) {
      throw ParvandehException.badRequest("report-filter-required",
          "شماره دانشجویی، دانشکده یا بازه تاریخ را مشخص کنید.",
          "Give a student number, a faculty or a date range.");
    }
    FileScope scope = access.scope(user);
    Faculty faculty = null;
    if (code != null) {
      if (!scope.reachesFaculty(code)) {
        throw ParvandehException.forbidden("شما به دانشجویان این دانشکده دسترسی ندارید.",
            "You may not see this faculty's students.");
      }
      faculty = students.faculties().stream().filter(f -> f.getCode().equals(code)).findFirst()
          .orElseThrow(() -> ParvandehException.notFound("unknown-faculty", "دانشکده ناشناخته است.",
              "Unknown faculty."));
    }
    Long studentId = null;
    if (number != null) {
      Student student = students.get(number);
      access.checkView(user, student);
      studentId = student.getId();
    }
    List<Object[]> rows = queries.notes(scope, studentId, code, range.start(), range.end());
    Filters filters = new Filters(number, code, faculty == null ? null : faculty.getNameFa(), range.fromText(),
        range.toText());
    return new NotesReport(JalaliDates.dateTime(Instant.now(clock)), filters, group(rows));
  }

  /** A faculty the report's filter offers. */
  public record FacultyOption(String code, String name) {}

  /** The faculties whose students this staff member may report on (their own, or all for central groups). */
  @Transactional(readOnly = true)
  public List<FacultyOption> faculties(CurrentUser user) {
    if (user.isStudent()) {
      throw ParvandehException.forbidden("گزارش توضیحات دانشجویان ویژه کارکنان است.",
          "The notes report is for staff.");
    }
    FileScope scope = access.scope(user);
    return students.faculties().stream().filter(f -> scope.reachesFaculty(f.getCode()))
        .map(f -> new FacultyOption(f.getCode(), f.getNameFa()))
        .sorted(java.util.Comparator.comparing(FacultyOption::name)).toList();
  }

  /** Records that the user took the report away (shown or downloaded) in this format. */
  public void recordExport(CurrentUser user, NotesReport report, String format) {
    Long studentId = report.filters().studentNumber() == null ? null
        : students.find(report.filters().studentNumber()).map(Student::getId).orElse(null);
    Filters f = report.filters();
    audit.read(user.id(), AuditAction.REPORT_EXPORTED, studentId, null,
        "report 112 (" + format + "): studentNumber=" + f.studentNumber() + ", faculty=" + f.faculty() + ", from="
            + f.from() + ", to=" + f.to() + "; " + report.students().size() + " students, " + report.noteCount()
            + " notes");
  }

  private List<StudentNotes> group(List<Object[]> rows) {
    List<Long> versionIds = rows.stream().map(r -> (Note) r[0]).flatMap(n -> n.getAddresses().stream())
        .map(NoteAddress::getDocumentVersionId).filter(Objects::nonNull).distinct().toList();
    Map<Long, VersionSummary> versions = documents.versionSummaries(versionIds);
    Map<Long, Student> studentsById = new LinkedHashMap<>();
    Map<Long, List<NoteLine>> notesByStudent = new LinkedHashMap<>();
    Map<String, Optional<String>> authors = new HashMap<>();
    for (Object[] row : rows) {
      Note note = (Note) row[0];
      Student student = (Student) row[1];
      studentsById.putIfAbsent(student.getId(), student);
      notesByStudent.computeIfAbsent(student.getId(), id -> new ArrayList<>()).add(line(note, versions,
          authors.computeIfAbsent(note.getAuthor(), author -> Optional.ofNullable(names.of(author))).orElse(null)));
    }
    return studentsById.values().stream()
        .map(s -> new StudentNotes(info(s), List.copyOf(notesByStudent.get(s.getId())))).toList();
  }

  private static NoteLine line(Note note, Map<Long, VersionSummary> versions, String authorName) {
    List<AddressLine> addresses = note.getAddresses().stream().map(a -> address(note, a, versions)).toList();
    return new NoteLine(note.getId(), note.getKind().name(), note.getKind().labelFa(), note.getGolestanScreen(),
        note.getBody(), note.getAuthor(), authorName, JalaliDates.dateTime(note.getCreatedAt()), addresses);
  }

  /** A version that is gone (deleted for correction) or now belongs to another file no longer resolves. */
  private static AddressLine address(Note note, NoteAddress a, Map<Long, VersionSummary> versions) {
    Long versionId = a.getDocumentVersionId();
    if (versionId == null) {
      return new AddressLine(a.getAddress(), a.getLabel(), true, true, null, null, null);
    }
    VersionSummary v = versions.get(versionId);
    if (v == null || !v.studentId().equals(note.getStudentId())) {
      return new AddressLine(a.getAddress(), a.getLabel(), false, false, versionId, null, null);
    }
    return new AddressLine(a.getAddress(), a.getLabel(), false, true, versionId, v.typeName(), v.fileName());
  }

  private static StudentInfo info(Student s) {
    return new StudentInfo(s.getStudentNumber(), s.getFullName(), s.getFaculty().getNameFa(),
        s.getDegree().labelFa(), s.getEntryYear(), s.getStatus().labelFa(), s.getStage().labelFa());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
