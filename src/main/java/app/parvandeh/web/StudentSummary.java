package app.parvandeh.web;

import app.parvandeh.shared.PersianText;
import app.parvandeh.student.Student;

/** The student header every page shows. */
record StudentSummary(
    String studentNumber,
    String nationalId,
    String fullName,
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

  static StudentSummary of(Student s) {
    return new StudentSummary(
        s.getStudentNumber(),
        s.getNationalId(),
        s.getFullName(),
        s.getFaculty().getCode(),
        s.getFaculty().getNameFa(),
        s.getDegree().name(),
        s.getDegree().labelFa(),
        s.getEntryYear(),
        PersianText.toPersianDigits(String.valueOf(s.getEntryYear())),
        s.getStatus().name(),
        s.getStatus().labelFa(),
        s.getStage().name(),
        s.getStage().labelFa());
  }
}
