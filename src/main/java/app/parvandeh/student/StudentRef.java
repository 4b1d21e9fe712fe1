package app.parvandeh.student;

import java.time.Instant;

/**
 * A student and the state of their file as other modules see it: a copy taken when it was read,
 * never written back. The student number is the file's business key in Camunda; {@code rowVersion}
 * is what an edit of the file's information names (see {@link StudentInfoEdits}).
 */
public record StudentRef(
    Long id,
    String studentNumber,
    String nationalId,
    String firstName,
    String lastName,
    FacultyRef faculty,
    Degree degree,
    int entryYear,
    AdmissionType admissionType,
    boolean brilliantTalent,
    String fatherName,
    String program,
    String admissionChannel,
    StudentStatus status,
    FileStage stage,
    String userId,
    Instant createdAt,
    long rowVersion) {

  public String fullName() {
    return firstName + " " + lastName;
  }

  /** The cohort list's details of this student. */
  public AdmissionDetails details() {
    return new AdmissionDetails(fatherName, program, admissionChannel);
  }
}
