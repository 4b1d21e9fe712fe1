package app.parvandeh.student;

import app.parvandeh.shared.PersianText;

/**
 * The student header every page shows; {@code fatherName}, {@code program} and {@code
 * admissionChannel} as the cohort list gave them, null when it gave none.
 */
public record StudentSummary(
    String studentNumber,
    String nationalId,
    String fullName,
    String fatherName,
    String program,
    String admissionChannel,
    String facultyCode,
    String facultyName,
    String degree,
    String degreeLabel,
    int entryYear,
    String entryYearFa,
    String status,
    String statusLabel,
    String stage,
    String stageLabel) {

  public static StudentSummary of(StudentRef s) {
    return new StudentSummary(
        s.studentNumber(),
        s.nationalId(),
        s.fullName(),
        s.fatherName(),
        s.program(),
        s.admissionChannel(),
        s.faculty().code(),
        s.faculty().nameFa(),
        s.degree().name(),
        s.degree().labelFa(),
        s.entryYear(),
        PersianText.toPersianDigits(String.valueOf(s.entryYear())),
        s.status().name(),
        s.status().labelFa(),
        s.stage().name(),
        s.stage().labelFa());
  }
}
