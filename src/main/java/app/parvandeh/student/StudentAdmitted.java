package app.parvandeh.student;

/**
 * Published inside the admitting transaction, so the file's process starts with the student row or
 * not at all. It carries the student as admitted, so the listeners (the login, the file's process)
 * need not look the row up again.
 */
public record StudentAdmitted(StudentRef student) {

  public String studentNumber() {
    return student.studentNumber();
  }
}
