package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.document.DocumentService;
import app.parvandeh.note.NoteKind;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteService.NewAddress;
import app.parvandeh.note.NoteView;
import app.parvandeh.note.report.NotesReport.StudentNotes;
import app.parvandeh.note.report.NotesReportService.ReportRequest;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.FacultyRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.ParvandehIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Report 112 and the file view's notes load the notes' addresses in one query per batch of notes,
 * not one per note: counted as the SQL statements Hibernate prepares (its statistics, switched on
 * for the count only), which do not grow with the notes.
 */
@ParvandehIntegrationTest
class NotesReportQueryCountTests {

  /**
   * More notes than any fixed number of statements the report may take, so a query per note would
   * show.
   */
  static final int MANY = 40;

  @Autowired StudentService students;
  @Autowired DocumentService documents;
  @Autowired NoteService notes;
  @Autowired NotesReportService reports;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired EntityManagerFactory entityManagerFactory;

  NotesReportFixture f;
  CurrentUser clerk;

  @BeforeEach
  void manyNotes() {
    f = new NotesReportFixture(students, documents, notes, identity, runtime, management);
    clerk = new CurrentUser(f.clerk, Set.of(FacultyRef.groupOf(f.faculty)));
    Long version =
        f.registration.addresses().stream()
            .map(NoteView.AddressView::documentVersionId)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow();
    for (int i = 0; i < MANY; i++) {
      notes.record(
          f.first.id(),
          NoteKind.GENERAL,
          "یادداشت " + i,
          f.clerk,
          List.of(
              new NewAddress("golestan:service-counter/request/" + i, "درخواست " + i, null),
              new NewAddress("version:" + version, "مدرک", version)),
          null);
    }
  }

  @Test
  void aFacultysReportTakesTheSameFewStatementsHoweverManyNotes() {
    List<StudentNotes> parts = new ArrayList<>();
    long statements =
        statements(
            () -> parts.addAll(reports.report(clerk, null, f.faculty, null, null).students()));

    assertThat(parts)
        .extracting(p -> p.student().studentNumber())
        .containsExactly(f.first.studentNumber(), f.second.studentNumber());
    assertThat(parts.get(0).notes()).hasSize(3 + MANY);
    assertThat(parts.get(0).notes().get(5).addresses()).hasSize(2);
    // The checks (faculties), then one page: students, their notes, the notes' addresses, the
    // addressed versions.
    assertThat(statements).as("statements for %d notes", MANY + 4).isLessThanOrEqualTo(8);
  }

  @Test
  void oneStudentsReportLoadsAddressesOncePerPage() {
    NotesReport report =
        reports.report(reports.check(clerk, f.first.studentNumber(), null, null, null));
    assertThat(report.noteCount()).isEqualTo(3 + MANY);

    long statements =
        statements(
            () -> reports.report(reports.check(clerk, f.first.studentNumber(), null, null, null)));
    assertThat(statements).isLessThanOrEqualTo(10);
  }

  @Test
  void theFileViewLoadsItsNotesAddressesInOneQuery() {
    List<NoteView> views = new ArrayList<>();
    long statements = statements(() -> views.addAll(notes.notesOf(f.first.id())));

    assertThat(views).hasSize(3 + MANY);
    assertThat(views.get(3).addresses())
        .extracting(NoteView.AddressView::label)
        .containsExactly("درخواست 0", "مدرک");
    assertThat(statements).as("notes, then their addresses").isLessThanOrEqualTo(3);
  }

  @Test
  void pagesOfOneStudentAndOfSevenNotesLoseAndRepeatNothing() {
    ReportRequest request = reports.check(clerk, null, f.faculty, null, null);
    List<StudentNotes> parts = new ArrayList<>();
    NotesReportService.Totals totals = reports.stream(request, 1, 7, parts::add);

    List<Long> streamed =
        parts.stream().flatMap(p -> p.notes().stream()).map(NotesReport.NoteLine::id).toList();
    List<Long> whole =
        reports.report(request).students().stream()
            .flatMap(p -> p.notes().stream())
            .map(NotesReport.NoteLine::id)
            .toList();
    assertThat(streamed)
        .hasSize(3 + MANY + 1)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(whole);
    assertThat(parts)
        .as("the first student's notes in parts of at most 7")
        .hasSizeGreaterThan(6)
        .allSatisfy(p -> assertThat(p.notes()).hasSizeLessThanOrEqualTo(7));
    assertThat(totals).isEqualTo(new NotesReportService.Totals(2, 3 + MANY + 1));
    assertThat(reports.report(request).students())
        .extracting(p -> p.student().studentNumber())
        .containsExactly(f.first.studentNumber(), f.second.studentNumber());
  }

  @Test
  void aReportBuiltWholeIsRefusedPastItsCapAndTheCsvIsNot() {
    ReportRequest request = reports.check(clerk, null, f.faculty, null, null);
    assertThatThrownBy(() -> reports.report(request, MANY))
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.code()).isEqualTo("report-too-large");
              assertThat(e.messageEn()).contains("take it as CSV");
            });
    assertThat(reports.report(request, 3 + MANY + 1).noteCount()).isEqualTo(3 + MANY + 1);
  }

  private long statements(Runnable work) {
    Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();
    statistics.setStatisticsEnabled(true);
    try {
      work.run();
      return statistics.getPrepareStatementCount();
    } finally {
      statistics.setStatisticsEnabled(false);
    }
  }
}
