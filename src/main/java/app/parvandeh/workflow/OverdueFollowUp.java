package app.parvandeh.workflow;

/**
 * The event sub-process «پیگیری پرونده معطل» as the read side sees it: each of its instances is one
 * time a task of the file fell overdue, and the instance's own variables say which task and which
 * level followed (a reminder to the task's group, or managers asked to follow up).
 */
public final class OverdueFollowUp {

  public static final String SUB_PROCESS = "SubProcess_StuckFileFollowUp";

  /**
   * Set by the correlation that starts the sub-process. They land on the file's own scope, not the
   * instance's, so a later overdue task overwrites an earlier one's values; the model's gateway
   * reads them at once, and {@code FileTimeline} reads each instance's from the history of updates.
   */
  public static final String VAR_LEVEL = "followUpLevel";

  public static final String VAR_OVERDUE_TASK = "overdueTaskId";
  public static final String VAR_OVERDUE_STEP = "overdueStep";

  /** The levels ({@link #VAR_LEVEL}); the model's gateway routes by them. */
  public static final String REMINDER = "REMINDER";

  public static final String ESCALATION = "ESCALATION";

  private OverdueFollowUp() {}
}
