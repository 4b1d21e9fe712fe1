package app.parvandeh.document;

/** One output row of the RequiredDocuments decision: a document type and who supplies it. */
public record Requirement(String typeCode, Supplier supplier) {}
