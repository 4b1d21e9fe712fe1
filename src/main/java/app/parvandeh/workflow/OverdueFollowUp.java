package app.parvandeh.workflow;

/**
 * The event sub-process «پیگیری پرونده معطل» as the read side sees it: each of its instances is one
 * time a task of the file fell overdue, and the instance's own variables say which task and which
 * level followed (a reminder to the task's group, or managers asked to follow up).
 */
public final class OverdueFollowUp {

  public static final String SUB_PROCESS = "SubProcess_StuckFileFollowUp";

  /**
   * Set by the correlation that starts the sub-process, on that sub-process instance's own scope
   * (files whose follow-ups started before 2026-12-02 have them on the file's scope, where a later
   * follow-up overwrote an earlier one's).
   */
  public static final String VAR_LEVEL = "followUpLevel";

  public static final String VAR_OVERDUE_TASK = "overdueTaskId";
  public static final String VAR_OVERDUE_STEP = "overdueStep";

  /** The levels ({@link #VAR_LEVEL}); the model's gateway routes by them. */
  public static final String REMINDER = "REMINDER";

  public static final String ESCALATION = "ESCALATION";

  private OverdueFollowUp() {}
}
