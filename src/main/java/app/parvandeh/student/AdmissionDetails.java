package app.parvandeh.student;

/**
 * What the cohort list adds to {@link NewStudent}: father's name, programme and admission channel
 * (may be null).
 */
public record AdmissionDetails(String fatherName, String program, String admissionChannel) {

  /** A file opened one at a time, without the cohort list's details. */
  public static final AdmissionDetails NONE = new AdmissionDetails(null, null, null);
}
