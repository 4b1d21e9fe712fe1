package app.parvandeh.student;

/**
 * A student's names were corrected; published in the editing transaction so their account follows.
 */
public record StudentRenamed(String userId, String firstName, String lastName) {}
