package app.parvandeh.intake;

/** Every row of a cohort list has been done (accepted, updated, unchanged or rejected). */
public record CohortImported(
    Long importId, int total, long accepted, long updated, long unchanged, long rejected) {}
