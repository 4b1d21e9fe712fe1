package app.parvandeh.note.report;

import java.util.List;

/** Report 112 as the API returns it; CSV and PDF are written from the same data. */
public record NotesReport(String generatedAtJalali, Filters filters, List<StudentNotes> students) {

  /**
   * The filters the report was made with; dates as Jalali text with Persian digits, null when not
   * given.
   */
  public record Filters(
      String studentNumber, String faculty, String facultyName, String from, String to) {}

  /** One student and their notes, oldest first. */
  public record StudentNotes(StudentInfo student, List<NoteLine> notes) {}

  /** The student header of the report. */
  public record StudentInfo(
      String studentNumber,
      String fullName,
      String facultyName,
      String degreeLabel,
      int entryYear,
      String statusLabel,
      String stageLabel) {}

  /**
   * One note with its addresses resolved. {@code authorName}: the author's first and last name,
   * null when the author is no person (a system such as «golestan»); {@code author} stays the
   * login.
   */
  public record NoteLine(
      Long id,
      String kind,
      String kindLabel,
      String golestanScreen,
      String body,
      String author,
      String authorName,
      String createdAtJalali,
      List<AddressLine> addresses) {}

  /**
   * Where a document the note speaks of lives. {@code external}: a reference outside our store (a
   * service-counter request); otherwise a document version, {@code resolved} when it still exists
   * in this student's file. The web layer adds the link of a version that opens.
   */
  public record AddressLine(
      String address,
      String label,
      boolean external,
      boolean resolved,
      Long documentVersionId,
      String documentTypeName,
      String fileName) {

    /** Only a version still in this student's file is linked. */
    public boolean opensDocument() {
      return resolved && !external;
    }

    /** The address's kind as a clerk reads it. */
    public String kindLabelFa() {
      return external ? "مرجع بیرونی" : resolved ? "مدرک پرونده" : "نشانی نامعتبر";
    }
  }

  public int noteCount() {
    return students.stream().mapToInt(s -> s.notes().size()).sum();
  }
}
