package app.parvandeh.note.report;

import java.util.List;

/**
 * What the clearance certificate («گواهی تسویه پرونده») states: the student, who gave the final
 * clearance and when, the file's documents, and every note's addresses (note numbers as report 112
 * shows them). Dates are Jalali text.
 */
public record ClearanceCertificate(
    String issuedAtJalali,
    String studentNumber,
    String fullName,
    String facultyName,
    String degreeLabel,
    String clearedBy,
    String clearedAtJalali,
    List<DocumentLine> documents,
    List<NoteAddresses> notes) {

  /** One document of the file, as its current version. */
  public record DocumentLine(
      String typeName,
      String statusLabel,
      String fileName,
      Integer versionNo,
      Long versionId,
      String letterNumber) {}

  /** A note (its number is its id) and where the documents it speaks of live. */
  public record NoteAddresses(
      Long noteId,
      String createdAtJalali,
      String kindLabel,
      String golestanScreen,
      List<String> addresses) {}
}
