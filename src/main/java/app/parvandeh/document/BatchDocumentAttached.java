package app.parvandeh.document;

/**
 * A batch document (exam card, report card) was attached to the student's file; published in that
 * transaction.
 */
public record BatchDocumentAttached(Long studentId, String typeCode) {}
