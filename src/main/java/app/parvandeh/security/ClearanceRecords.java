package app.parvandeh.security;

/**
 * Whether a student's graduation clearance is complete, as the file itself records it (the note
 * module answers), so the graduates office is shown those files only.
 */
public interface ClearanceRecords {

  boolean clearanceComplete(Long studentId);
}
