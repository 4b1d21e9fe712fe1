package app.parvandeh.student;

/** A faculty was added; its clerks' group must exist in the identity store. */
public record FacultyRegistered(String code, String nameFa, String candidateGroup) {}
