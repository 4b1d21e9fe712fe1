package app.parvandeh.intake.internal;

/**
 * Why one row or cell was refused: the column it is about and the reason in Persian and English.
 */
public record Refusal(String field, String reasonFa, String reasonEn) {}
