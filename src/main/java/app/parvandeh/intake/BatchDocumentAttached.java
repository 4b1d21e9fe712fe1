package app.parvandeh.intake;

/** A batch document (exam card, report card) was attached to the student's file; published in that transaction. */
public record BatchDocumentAttached(String studentNumber, String typeCode) {}
