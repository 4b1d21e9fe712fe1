package app.parvandeh.intake;

import app.parvandeh.document.MissingDocuments;
import app.parvandeh.document.MissingDocuments.Missing;
import app.parvandeh.shared.SpreadsheetCsv;
import app.parvandeh.student.FileScope;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The missing-documents report: per faculty, every file that still lacks a document its student or
 * a card batch brings, and what it waits for. A file waiting for its exam card or report card
 * appears here until the batch brings it.
 */
@Service
public class MissingDocumentsReport {

  private final MissingDocuments missing;
  private final StudentService students;

  MissingDocumentsReport(MissingDocuments missing, StudentService students) {
    this.missing = missing;
    this.students = students;
  }

  /** One missing document of one file. */
  public record Line(
      String facultyCode,
      String facultyName,
      String studentNumber,
      String fullName,
      String stage,
      String stageLabel,
      String typeCode,
      String typeName,
      String supplier,
      String waitsFor) {}

  /**
   * The lines of the files in scope, optionally of one faculty, ordered by faculty and student
   * number.
   */
  public List<Line> lines(String facultyCode, FileScope scope) {
    List<Missing> all = missing.of(scope);
    Map<Long, StudentRef> byId =
        students.byIds(all.stream().map(Missing::studentId).collect(Collectors.toSet())).stream()
            .collect(Collectors.toMap(StudentRef::id, Function.identity()));
    return all.stream()
        .filter(m -> byId.containsKey(m.studentId()))
        .map(m -> line(byId.get(m.studentId()), m))
        .filter(
            l ->
                facultyCode == null || facultyCode.isBlank() || facultyCode.equals(l.facultyCode()))
        .sorted(Comparator.comparing(Line::facultyCode).thenComparing(Line::studentNumber))
        .toList();
  }

  public byte[] csv(List<Line> lines) {
    return SpreadsheetCsv.write(
        List.of(
            "کد دانشکده",
            "دانشکده",
            "شماره دانشجویی",
            "نام و نام خانوادگی",
            "مرحله پرونده",
            "نوع مدرک",
            "مدرک",
            "در انتظار"),
        lines.stream()
            .map(
                l ->
                    List.of(
                        l.facultyCode(),
                        l.facultyName(),
                        l.studentNumber(),
                        l.fullName(),
                        l.stageLabel(),
                        l.typeCode(),
                        l.typeName(),
                        l.waitsFor()))
            .toList());
  }

  private static Line line(StudentRef s, Missing m) {
    return new Line(
        s.faculty().code(),
        s.faculty().nameFa(),
        s.studentNumber(),
        s.fullName(),
        s.stage().name(),
        s.stage().labelFa(),
        m.typeCode(),
        m.typeName(),
        m.supplier().name(),
        m.supplierLabel());
  }
}
