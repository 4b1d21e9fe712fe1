package app.parvandeh.student;

/**
 * Published inside the admitting transaction, so the file's process starts with the student row or
 * not at all.
 */
public record StudentAdmitted(String studentNumber) {}
