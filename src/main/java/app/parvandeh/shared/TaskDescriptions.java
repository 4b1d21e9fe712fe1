package app.parvandeh.shared;

/**
 * The description of a Tasklist task the system opens itself (an alert for managers): Camunda keeps
 * at most 4000 characters of it, so a longer one is cut, with room to spare, instead of failing the
 * save.
 */
public final class TaskDescriptions {

  /** The longest description kept. */
  public static final int MAX_LENGTH = 3900;

  private TaskDescriptions() {}

  /** The description, cut at {@link #MAX_LENGTH} (its end goes first). */
  public static String fit(String description) {
    return description.length() <= MAX_LENGTH ? description : description.substring(0, MAX_LENGTH);
  }
}
