package app.parvandeh.note.report;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.document.DocumentService;
import app.parvandeh.document.DocumentService.VersionSummary;
import app.parvandeh.note.report.NoteReportQueries.AddressRow;
import app.parvandeh.note.report.NoteReportQueries.NoteRow;
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
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds report 112 for what the signed-in user may see: one student's notes, or a faculty's and/or
 * a date range's across students; every address resolved against the document store.
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

  NotesReportService(
      NoteReportQueries queries,
      StudentService students,
      DocumentService documents,
      FileAccessPolicy access,
      AuditLog audit,
      UserNames names,
      Clock clock) {
    this.queries = queries;
    this.students = students;
    this.documents = documents;
    this.access = access;
    this.audit = audit;
    this.names = names;
    this.clock = clock;
  }

  /** Students read per page (keyset on the student number). */
  static final int STUDENTS_PER_PAGE = 200;

  /** Notes read per page, each page's addresses and versions in one query each. */
  static final int NOTES_PER_PAGE = 1_000;

  /**
   * The most notes a report built whole in memory (JSON and PDF) may hold; more is refused with a
   * pointer to the CSV, which streams any size, or to a shorter date range.
   */
  public static final int MAX_NOTES_IN_MEMORY = 5_000;

  /**
   * Report 112 asked for and checked (the user may see it, the filters are valid); nothing of it
   * read yet.
   */
  public record ReportRequest(
      FileScope scope,
      Long studentId,
      Filters filters,
      Instant start,
      Instant end,
      String generatedAtJalali) {}

  /** How many students and notes a report held when it was taken away. */
  public record Totals(int students, int notes) {}

  /**
   * Report 112 for these filters (each optional, at least one given); refuses what the user may not
   * see.
   */
  @Transactional(readOnly = true)
  public NotesReport report(
      CurrentUser user, String studentNumber, String facultyCode, String from, String to) {
    return report(check(user, studentNumber, facultyCode, from, to));
  }

  /**
   * Checks the filters and the user's access before anything is read or written, so a refusal is
   * decided while the answer's status can still say so.
   */
  @Transactional(readOnly = true)
  public ReportRequest check(
      CurrentUser user, String studentNumber, String facultyCode, String from, String to) {
    if (user.isStudent()) {
      throw ParvandehException.forbidden(
          "گزارش توضیحات دانشجویان ویژه کارکنان است.", "The notes report is for staff.");
    }
    JalaliDateRange range = JalaliDateRange.parse(from, to);
    String number = blank(studentNumber) ? null : PersianText.digits(studentNumber);
    String code = blank(facultyCode) ? null : facultyCode.strip();
    if (number == null && code == null && !range.isBounded()) {
      throw ParvandehException.badRequest(
          "report-filter-required",
          "شماره دانشجویی، دانشکده یا بازه تاریخ را مشخص کنید.",
          "Give a student number, a faculty or a date range.");
    }
    FileScope scope = access.scope(user);
    FacultyRef faculty = null;
    if (code != null) {
      if (!scope.reachesFaculty(code)) {
        throw ParvandehException.forbidden(
            "شما به دانشجویان این دانشکده دسترسی ندارید.",
            "You may not see this faculty's students.");
      }
      faculty =
          students.faculties().stream()
              .filter(f -> f.code().equals(code))
              .findFirst()
              .orElseThrow(
                  () ->
                      ParvandehException.notFound(
                          "unknown-faculty", "دانشکده ناشناخته است.", "Unknown faculty."));
    }
    Long studentId = null;
    if (number != null) {
      StudentRef student = students.get(number);
      access.checkView(user, student);
      studentId = student.id();
    }
    Filters filters =
        new Filters(
            number,
            code,
            faculty == null ? null : faculty.nameFa(),
            range.fromText(),
            range.toText());
    return new ReportRequest(
        scope,
        studentId,
        filters,
        range.start(),
        range.end(),
        JalaliDates.dateTime(Instant.now(clock)));
  }

  /**
   * The report whole in memory, for JSON and PDF; refused past {@link #MAX_NOTES_IN_MEMORY} notes.
   */
  @Transactional(readOnly = true)
  public NotesReport report(ReportRequest request) {
    return report(request, MAX_NOTES_IN_MEMORY);
  }

  NotesReport report(ReportRequest request, int maxNotes) {
    List<StudentNotes> parts = new ArrayList<>();
    int[] notes = {0};
    stream(
        request,
        part -> {
          notes[0] += part.notes().size();
          if (notes[0] > maxNotes) {
            throw ParvandehException.badRequest(
                "report-too-large",
                "این گزارش بیش از "
                    + PersianText.toPersianDigits(String.valueOf(maxNotes))
                    + " توضیح دارد؛ آن را به صورت CSV بگیرید یا بازه تاریخ را کوتاه‌تر کنید.",
                "This report has more than "
                    + maxNotes
                    + " notes: take it as CSV, or give a shorter date range.");
          }
          int last = parts.size() - 1;
          if (last >= 0
              && parts.get(last).student().studentNumber().equals(part.student().studentNumber())) {
            List<NoteLine> joined = new ArrayList<>(parts.get(last).notes());
            joined.addAll(part.notes());
            parts.set(last, new StudentNotes(part.student(), List.copyOf(joined)));
          } else {
            parts.add(part);
          }
        });
    return new NotesReport(request.generatedAtJalali(), request.filters(), List.copyOf(parts));
  }

  /**
   * Reads the report a page at a time and hands it to {@code out} in report order as soon as a page
   * is read: a student with their notes, or with some of them when the notes run over a page (the
   * next part goes on with the same student). Nothing of a page is kept after it, so memory does
   * not grow with the report. Statements per page of notes: the notes, their addresses, the
   * addressed versions; plus one per page of students.
   */
  @Transactional(readOnly = true)
  public Totals stream(ReportRequest request, Consumer<StudentNotes> out) {
    return stream(request, STUDENTS_PER_PAGE, NOTES_PER_PAGE, out);
  }

  @Transactional(readOnly = true)
  Totals stream(
      ReportRequest request, int studentsPerPage, int notesPerPage, Consumer<StudentNotes> out) {
    queries.planWithValues();
    Map<String, Optional<String>> authors = new HashMap<>();
    Totals totals = new Totals(0, 0);
    String after = null;
    while (true) {
      List<StudentRef> page =
          queries.students(
              request.scope(),
              request.studentId(),
              request.filters().faculty(),
              request.start(),
              request.end(),
              after,
              studentsPerPage);
      if (page.isEmpty()) {
        break;
      }
      Map<Long, StudentRef> byId = new HashMap<>();
      page.forEach(s -> byId.put(s.id(), s));
      NoteRow afterNote = null;
      while (true) {
        List<NoteRow> rows =
            queries.notes(
                byId.keySet(),
                request.start(),
                request.end(),
                afterNote,
                afterNote == null ? null : byId.get(afterNote.studentId()).studentNumber(),
                notesPerPage);
        if (rows.isEmpty()) {
          break;
        }
        Map<Long, List<AddressRow>> addresses =
            queries.addresses(rows.stream().map(NoteRow::id).toList());
        Map<Long, VersionSummary> versions = versions(addresses);
        List<NoteLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          NoteRow n = rows.get(i);
          lines.add(
              line(
                  n,
                  addresses.getOrDefault(n.id(), List.of()),
                  versions,
                  authors
                      .computeIfAbsent(n.author(), author -> Optional.ofNullable(names.of(author)))
                      .orElse(null)));
          if (i == rows.size() - 1 || !rows.get(i + 1).studentId().equals(n.studentId())) {
            boolean sameStudent =
                afterNote != null
                    && lines.size() == i + 1
                    && afterNote.studentId().equals(n.studentId());
            out.accept(new StudentNotes(info(byId.get(n.studentId())), List.copyOf(lines)));
            totals =
                new Totals(
                    totals.students() + (sameStudent ? 0 : 1), totals.notes() + lines.size());
            lines.clear();
          }
        }
        afterNote = rows.get(rows.size() - 1);
        if (rows.size() < notesPerPage) {
          break;
        }
      }
      after = page.get(page.size() - 1).studentNumber();
      queries.clear();
      if (page.size() < studentsPerPage) {
        break;
      }
    }
    return totals;
  }

  private Map<Long, VersionSummary> versions(Map<Long, List<AddressRow>> addresses) {
    List<Long> ids =
        addresses.values().stream()
            .flatMap(List::stream)
            .map(AddressRow::documentVersionId)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    Map<Long, VersionSummary> versions = new HashMap<>();
    for (int from = 0; from < ids.size(); from += NoteReportQueries.IN_LIST) {
      versions.putAll(
          documents.versionSummaries(
              ids.subList(from, Math.min(ids.size(), from + NoteReportQueries.IN_LIST))));
    }
    return versions;
  }

  /** A faculty the report's filter offers. */
  public record FacultyOption(String code, String name) {}

  /**
   * The faculties whose students this staff member may report on (their own, or all for central
   * groups).
   */
  @Transactional(readOnly = true)
  public List<FacultyOption> faculties(CurrentUser user) {
    if (user.isStudent()) {
      throw ParvandehException.forbidden(
          "گزارش توضیحات دانشجویان ویژه کارکنان است.", "The notes report is for staff.");
    }
    FileScope scope = access.scope(user);
    return students.faculties().stream()
        .filter(f -> scope.reachesFaculty(f.code()))
        .map(f -> new FacultyOption(f.code(), f.nameFa()))
        .sorted(java.util.Comparator.comparing(FacultyOption::name))
        .toList();
  }

  /** Records that the user took the report away (shown or downloaded) in this format. */
  public void recordExport(CurrentUser user, NotesReport report, String format) {
    recordExport(
        user,
        report.filters(),
        new Totals(report.students().size(), report.noteCount()),
        format,
        true);
  }

  /**
   * Records a report taken away; {@code complete} false when its download broke off after these
   * totals.
   */
  public void recordExport(
      CurrentUser user, Filters f, Totals totals, String format, boolean complete) {
    Long studentId =
        f.studentNumber() == null
            ? null
            : students.find(f.studentNumber()).map(StudentRef::id).orElse(null);
    audit.read(
        user.id(),
        AuditAction.REPORT_EXPORTED,
        studentId,
        null,
        "report 112 ("
            + format
            + "): studentNumber="
            + f.studentNumber()
            + ", faculty="
            + f.faculty()
            + ", from="
            + f.from()
            + ", to="
            + f.to()
            + "; "
            + totals.students()
            + " students, "
            + totals.notes()
            + " notes"
            + (complete ? "" : "; incomplete, the download broke off"));
  }

  private static NoteLine line(
      NoteRow note, List<AddressRow> rows, Map<Long, VersionSummary> versions, String authorName) {
    List<AddressLine> addresses = rows.stream().map(a -> address(note, a, versions)).toList();
    return new NoteLine(
        note.id(),
        note.kind().name(),
        note.kind().labelFa(),
        note.golestanScreen(),
        note.body(),
        note.author(),
        authorName,
        JalaliDates.dateTime(note.createdAt()),
        addresses);
  }

  /**
   * A version that is gone (deleted for correction) or now belongs to another file no longer
   * resolves.
   */
  private static AddressLine address(
      NoteRow note, AddressRow a, Map<Long, VersionSummary> versions) {
    Long versionId = a.getDocumentVersionId();
    if (versionId == null) {
      return new AddressLine(a.getAddress(), a.getLabel(), true, true, null, null, null);
    }
    VersionSummary v = versions.get(versionId);
    if (v == null || !v.studentId().equals(note.getStudentId())) {
      return new AddressLine(a.getAddress(), a.getLabel(), false, false, versionId, null, null);
    }
    return new AddressLine(
        a.getAddress(), a.getLabel(), false, true, versionId, v.typeName(), v.fileName());
  }

  private static StudentInfo info(StudentRef s) {
    return new StudentInfo(
        s.studentNumber(),
        s.fullName(),
        s.faculty().nameFa(),
        s.degree().labelFa(),
        s.entryYear(),
        s.status().labelFa(),
        s.stage().labelFa());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
