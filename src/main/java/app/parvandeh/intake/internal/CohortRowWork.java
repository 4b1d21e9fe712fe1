package app.parvandeh.intake.internal;

import app.parvandeh.intake.internal.CohortRowRules.Candidate;
import app.parvandeh.intake.internal.CohortRowRules.Judgement;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentInfoEdits;
import app.parvandeh.student.StudentInfoEdits.Change;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does cohort rows, a group of them or one, in a transaction: a row's admission (with the student's
 * login and file process) or correction commits together with the row's outcome, so after a crash
 * the row is either done with its student or not done at all, and is never done twice. A bad row
 * never holds back the next one.
 */
@Component
public class CohortRowWork {

  private final CohortRowRepository rows;
  private final StudentService students;
  private final StudentInfoEdits edits;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final FailedAttempts attempts;

  CohortRowWork(
      CohortRowRepository rows,
      StudentService students,
      StudentInfoEdits edits,
      PlatformTransactionManager transactions,
      Clock clock,
      FailedAttempts attempts) {
    this.rows = rows;
    this.students = students;
    this.edits = edits;
    this.attempts = attempts;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  private record Verdict(RowOutcome outcome, String field, String reasonFa, String reasonEn) {

    static Verdict refused(Refusal refusal) {
      return new Verdict(
          RowOutcome.REJECTED, refusal.field(), refusal.reasonFa(), refusal.reasonEn());
    }
  }

  /**
   * Does these rows (those not done already) in one transaction: each row's outcome still commits
   * with its student, but a commit, the costliest step of a row on a file database, is shared by
   * the group. If admission itself refuses one of them (an exception, which undoes the whole
   * transaction), or anything else fails, the group is done again row by row, so a bad row never
   * holds back the good ones beside it, and a failure is counted against its own row only.
   */
  public void doRows(List<Long> rowIds, String actor) {
    if (rowIds.size() > 1) {
      try {
        transaction.executeWithoutResult(
            status -> rowIds.forEach(rowId -> doInTransaction(rowId, actor)));
        return;
      } catch (RuntimeException oneRowFailed) {
        // nothing of the group was kept: each row again, alone
      }
    }
    rowIds.forEach(rowId -> doRow(rowId, actor));
  }

  /**
   * Does the row unless it is done already; {@code actor} is who uploaded the list. A failure that
   * is not a refusal leaves the row for the next run, until its last allowed attempt rejects it
   * (see {@link FailedAttempts}).
   */
  public void doRow(Long rowId, String actor) {
    attempts.attempt(
        () -> item(rowId),
        () -> {
          try {
            transaction.executeWithoutResult(status -> doInTransaction(rowId, actor));
          } catch (ParvandehException e) {
            // A refusal from admission itself: its transaction is undone, so the row records why in
            // a fresh one.
            reject(rowId, columnOf(e.code()), e.messageFa(), e.messageEn());
          }
        },
        gaveUp ->
            reject(
                rowId,
                null,
                "این ردیف پس از "
                    + gaveUp.attemptsFa()
                    + " بار تلاش ذخیره نشد (علت فنی: "
                    + gaveUp.cause()
                    + "). ردیف را در فهرستی تازه دوباره وارد کنید؛ اگر باز هم نشد، به مدیر سامانه خبر دهید.",
                "This row could not be saved after "
                    + gaveUp.attempts()
                    + " attempts (technical cause: "
                    + gaveUp.cause()
                    + "). Import the row again in a new list; if it fails again, ask the"
                    + " administrator."));
  }

  private FailedAttempts.Item item(Long rowId) {
    CohortRow row = rows.findById(rowId).orElseThrow();
    return new FailedAttempts.Item(FailedAttempts.COHORT, row.getImportId(), row.getRowNo());
  }

  /**
   * The list's column an admission refusal is about, by its code ({@code first-name-…}, {@code
   * person-has-active-file}, …), or null.
   */
  static String columnOf(String code) {
    if (code == null) {
      return null;
    }
    for (String column : List.of("first_name", "last_name", "father_name")) {
      if (code.startsWith(column.replace('_', '-'))) {
        return column;
      }
    }
    return switch (code) {
      case "person-has-active-file", "invalid-national-id" -> "national_id";
      case "invalid-student-number", "student-exists" -> "student_number";
      case "invalid-entry-year" -> "entry_year";
      case "unknown-faculty" -> "faculty_code";
      default -> null;
    };
  }

  /** Ends the row as rejected, in a transaction of its own, unless it is done already. */
  private void reject(Long rowId, String field, String reasonFa, String reasonEn) {
    transaction.executeWithoutResult(
        status ->
            rows.lock(rowId)
                .filter(r -> !r.isDone())
                .ifPresent(
                    r ->
                        r.finish(
                            RowOutcome.REJECTED, field, reasonFa, reasonEn, Instant.now(clock))));
  }

  private void doInTransaction(Long rowId, String actor) {
    CohortRow row = rows.lock(rowId).orElseThrow();
    if (!row.isDone()) {
      Verdict verdict = decide(row, actor);
      row.finish(
          verdict.outcome(),
          verdict.field(),
          verdict.reasonFa(),
          verdict.reasonEn(),
          Instant.now(clock));
    }
  }

  private Verdict decide(CohortRow row, String actor) {
    Judgement judgement =
        CohortRowRules.judge(row, this::facultyCode, JalaliDates.year(Instant.now(clock)));
    if (judgement.refusal() != null) {
      return Verdict.refused(judgement.refusal());
    }
    Candidate candidate = judgement.candidate();
    NewStudent data = candidate.student();
    Integer earlier =
        rows.earlierRowWithNumber(row.getImportId(), data.studentNumber(), row.getRowNo());
    if (earlier != null) {
      return new Verdict(
          RowOutcome.REJECTED,
          "student_number",
          "این شماره دانشجویی در ردیف " + toFa(earlier) + " همین فهرست هم آمده است.",
          "This student number is repeated from row " + earlier + " of this list.");
    }
    Optional<StudentRef> existing = students.find(data.studentNumber());
    if (existing.isEmpty()) {
      students.admit(data, candidate.details(), actor);
      return new Verdict(RowOutcome.ACCEPTED, null, null, null);
    }
    Refusal conflict = conflictWithFile(existing.get(), data);
    if (conflict != null) {
      return Verdict.refused(conflict);
    }
    List<Change> changes =
        edits.updateFromCohort(
            data.studentNumber(), data.firstName(), data.lastName(), candidate.details(), actor);
    if (changes.isEmpty()) {
      return new Verdict(RowOutcome.UNCHANGED, null, null, null);
    }
    String fields = changes.stream().map(c -> column(c.field())).collect(Collectors.joining(","));
    return new Verdict(
        RowOutcome.UPDATED,
        fields,
        "تغییر کرد: "
            + changes.stream().map(c -> c.describe("(خالی)")).collect(Collectors.joining("؛ ")),
        "Changed: "
            + changes.stream().map(c -> c.describe("(none)")).collect(Collectors.joining("; ")));
  }

  /** The faculty a cohort cell names: its code, else its name (one more query, only then). */
  private String facultyCode(String typed) {
    String code = typed.toLowerCase(Locale.ROOT);
    return students.faculty(code).isPresent()
        ? code
        : CohortRowRules.facultyByName(typed, students.faculties());
  }

  /**
   * The archive already holds this number. Another person's national ID means a duplicate number; a
   * different faculty, degree, entry year or brilliant-talent flag would change the file's
   * checklist, so it is corrected on the file page, not by a list.
   */
  private static Refusal conflictWithFile(StudentRef file, NewStudent row) {
    if (!file.nationalId().equals(row.nationalId())) {
      return new Refusal(
          "student_number",
          "این شماره دانشجویی در بایگانی از آنِ پرونده فرد دیگری (کد ملی دیگر) است.",
          "This student number already belongs to another person's file (another national ID).");
    }
    String[][] decisive = {
      {"faculty_code", "دانشکده", file.faculty().code(), row.facultyCode()},
      {"degree_level", "مقطع", file.degree().name(), row.degree().name()},
      {"entry_year", "سال ورود", String.valueOf(file.entryYear()), String.valueOf(row.entryYear())},
      {
        "brilliant_talent",
        "استعداد درخشان",
        String.valueOf(file.brilliantTalent()),
        String.valueOf(row.brilliantTalent())
      }
    };
    for (String[] d : decisive) {
      if (!Objects.equals(d[2], d[3])) {
        return new Refusal(
            d[0],
            d[1]
                + " در پرونده «"
                + d[2]
                + "» است و فهرست «"
                + d[3]
                + "» می‌گوید؛ چون مدارک لازم پرونده به آن بستگی دارد، آن را در صفحه پرونده اصلاح کنید.",
            d[0]
                + " is '"
                + d[2]
                + "' in the file but '"
                + d[3]
                + "' in the list; it decides the file's required"
                + " documents, so correct it on the file page.");
      }
    }
    return null;
  }

  private static String column(String property) {
    return property
        .replaceAll("([a-z])([A-Z])", "$1_$2")
        .toLowerCase(java.util.Locale.ROOT)
        .replace("admission_channel", "admission_type");
  }

  private static String toFa(int number) {
    return app.parvandeh.shared.PersianText.toPersianDigits(String.valueOf(number));
  }
}
